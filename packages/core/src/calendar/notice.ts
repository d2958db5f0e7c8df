import type { SchemaIssue } from '../model/validate.js';
import type { CalendarDay, CalendarYear } from './calendar.js';
import { dayNumberOrUndefined, isoFromDayNumber, yearOfDayNumber } from './dates.js';
import { validateCalendarYears } from './validate.js';

/**
 * Reads the text of a State Council holiday notice (国务院办公厅关于20XX年部分节假日安排的通知) as
 * an administrator pastes it, item by item:
 *
 *   一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
 *   六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。
 *
 * In each item, the sentence that says 放假 gives the days off (a span 至, or single days), and the
 * sentence that says 上班 the weekend days worked. Remarks in brackets (weekdays, lunar dates, “除夕
 * （2月9日）”) are ignored. A date of another year (元旦 from 2022年12月31日 in the 2023 notice)
 * is returned in `outside`: it belongs to that year's calendar.
 */

export interface ParsedNotice {
  readonly year: CalendarYear;
  /** Days the notice names in another year. */
  readonly outside: readonly (CalendarDay & { readonly kind: 'holiday' | 'workday' })[];
  /** Why the text could not be read, or what is wrong with the result; empty when all is well. */
  readonly issues: readonly SchemaIssue[];
}

const ITEM = /([一二三四五六七八九十]+)、\s*([^:。\n]{1,20}?)\s*:/g;
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/g;
const SPAN = /^\s*(?:至|到|-|—|–|~)\s*/;

interface DateContext {
  year: number;
  month: number | undefined;
}

/** Every date of a sentence, spans `A至B` written out; `null` for a date that does not exist. */
function datesOf(sentence: string, context: DateContext): (number | null)[] {
  const found: (number | null)[] = [];
  let previous: number | null | undefined;
  for (const match of sentence.matchAll(DATE)) {
    const before = sentence.slice(0, match.index);
    const spanEnd = previous !== undefined && SPAN.test(before.slice(before.lastIndexOf('日') + 1));
    if (match[1]) context.year = Number(match[1]);
    if (match[2]) context.month = Number(match[2]);
    if (context.month === undefined) {
      found.push(null);
      continue;
    }
    let day = dayOf(context.year, context.month, Number(match[3]));
    if (spanEnd && previous != null && day !== null && day < previous && !match[1]) {
      // 12月30日至1月1日 without years: the span runs into the next year.
      context.year += 1;
      day = dayOf(context.year, context.month, Number(match[3]));
    }
    if (spanEnd && previous != null && day !== null) {
      for (let d = previous + 1; d < day; d++) found.push(d);
    }
    found.push(day);
    previous = day;
  }
  return found;
}

function dayOf(year: number, month: number, day: number): number | null {
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return dayNumberOrUndefined(iso) ?? null;
}

/** The text with full-width digits and punctuation made plain and bracketed remarks removed. */
function plain(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\([^()]*\)/g, '')
    .replace(/【[^】]*】/g, '');
}

interface Item {
  readonly label: string;
  readonly name: string;
  readonly body: string;
}

function itemsOf(text: string): Item[] {
  const heads = [...text.matchAll(ITEM)];
  return heads.map((head, i) => ({
    label: head[1] ?? '',
    name: (head[2] ?? '').trim(),
    body: text.slice((head.index ?? 0) + head[0].length, heads[i + 1]?.index ?? text.length),
  }));
}

/** Reads a notice for `year`; never throws. */
export function parseHolidayNotice(text: string, year: number): ParsedNotice {
  const items = itemsOf(plain(text));
  const issues: SchemaIssue[] = [];
  const holidays: CalendarDay[] = [];
  const workdays: CalendarDay[] = [];
  const outside: (CalendarDay & { kind: 'holiday' | 'workday' })[] = [];
  if (items.length === 0) {
    issues.push({ path: '通知正文', message: '未找到“一、元旦：……”形式的条目，请粘贴通知中逐项列出的放假安排' });
  }
  for (const { label, name, body } of items) {
    const where = `第${label}项“${name}”`;
    const context: DateContext = { year, month: undefined };
    let offFound = false;
    for (const sentence of body.split(/[。;,\n]/)) {
      const kind = sentence.includes('上班') ? 'workday' : sentence.includes('放假') ? 'holiday' : undefined;
      if (!kind) continue;
      for (const day of datesOf(sentence, context)) {
        if (day === null) {
          issues.push({ path: where, message: `“${sentence.trim()}”中有无法识别或不存在的日期` });
          continue;
        }
        const entry = { date: isoFromDayNumber(day), name };
        if (yearOfDayNumber(day) !== year) outside.push({ ...entry, kind });
        else (kind === 'holiday' ? holidays : workdays).push(entry);
        if (kind === 'holiday') offFound = true;
      }
    }
    if (!offFound) issues.push({ path: where, message: '未找到放假日期（应写作“1月1日至3日放假”）' });
  }
  const parsed: CalendarYear = { year, holidays, workdays };
  const checked = validateCalendarYears([parsed]);
  if (!checked.ok)
    issues.push(...checked.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^\[0\]\.?/, '') })));
  return { year: parsed, outside, issues };
}
