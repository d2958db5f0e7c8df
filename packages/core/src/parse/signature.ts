import { simplify } from './normalise.js';
import { INTERNAL_OFFICE, organsIn } from './organ.js';
import { TITLE } from './title.js';

/*
 * The 落款 at a report's end: the organ's name over the date ("某某县林业局" / "2024年1月20日"), or both on
 * one line. One reader for the organ (organ.ts's caller) and the page's own date (meta.ts), which each had
 * their own date pattern. A PDF's or a Word file's text prints it as the office typed it: the date in
 * Chinese numerals ("二〇二四年一月二十日"), in full-width figures, with figures and dashes
 * ("2024-01-20"), the name spaced out over the line ("某 某 县 林 业 局"), a blank line between the two,
 * a "（盖章）" after the name.
 */

/** A date in figures (ASCII or full-width) or Chinese numerals, the day optional ("2024年1月"). */
const WRITTEN_DATE =
  /^([12][0-9]{3}|[〇零一二三四五六七八九]{4})年([0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?:([0-9]{1,2}|[一二三四五六七八九十]{1,3})日)?$/;
/** A date in figures and dashes, dots or slashes ("2024-01-20"). */
const FIGURE_DATE = /^([12][0-9]{3})[-./]([0-9]{1,2})[-./]([0-9]{1,2})$/;
/** The name before the date on the same line ("某某县林业局 2024年1月20日"). */
const NAME_THEN_DATE = /^([\u4e00-\u9fa5（）()]{4,30})\s+(\S.*)$/;
const NAME_LINE = /^[\u4e00-\u9fa5（）()]{4,30}$/;
/** What an office prints after its name at the seal: "（盖章）", "(章)". */
const SEAL = /[（(](?:盖章|印章|章|公章|签章)[)）]$/;
/**
 * How many lines at the end may hold the 落款: a page's text runs on past it with the site's footer
 * ("扫一扫在手机打开当前页", 主办单位, 备案号, 联系我们 …), often ten lines and more.
 */
export const SIGNATURE_TAIL = 30;

export interface SignatureDate {
  readonly year: number;
  readonly month: number;
  /** Undefined where the 落款 gives the month only. */
  readonly day?: number;
}

const NUMERAL = '〇一二三四五六七八九';
/** The longest line a date takes, spaced out as it may be. */
const LONGEST_DATE = 40;
/** The longest line a 落款's name and date take on one line, printed apart across the page. */
const LONGEST_LINE = 200;

/** A number written in figures (ASCII or full-width) or in Chinese numerals up to 99 ("二十一"). */
function numberOf(written: string): number {
  if (/^[0-9]+$/.test(written)) return Number(written);
  if (written.length === 4)
    return Number([...written].map((char) => (char === '零' ? 0 : NUMERAL.indexOf(char))).join(''));
  const [tens, units] = written.split('十') as [string, string | undefined];
  if (units === undefined) return NUMERAL.indexOf(tens);
  return (tens === '' ? 1 : NUMERAL.indexOf(tens)) * 10 + (units === '' ? 0 : NUMERAL.indexOf(units));
}

/** Full-width figures as ASCII, and no spaces: "２０２４ 年 1 月" reads as "2024年1月". */
function compact(line: string): string {
  return line.replace(/[０-９]/g, (char) => String(char.charCodeAt(0) - 0xff10)).replace(/[\s\u3000]+/g, '');
}

/**
 * Whether a line may be a date: a written one holds 年 and 月, one in figures (the only one without
 * a 月) a separator and nothing but figures, separators and spaces (a table's row of
 * figures after its label, "0 0 0 0", is none). `compact` changes none of these, so a line that
 * fails is no date: most of the last lines are not (prose, a table's "1.属于国家秘密 0 0"), and
 * compacting each cost more than the rest of the 落款's reading.
 */
function mayBeDate(line: string): boolean {
  if (line.includes('月')) return line.includes('年');
  return (line.includes('-') || line.includes('.') || line.includes('/')) && FIGURES_ONLY.test(line);
}
const FIGURES_ONLY = /^[\s0-9０-９./-]+$/;

/** The date a line is, and nothing else, if it is one. */
export function dateOf(line: string): SignatureDate | undefined {
  // A date, spaced out as it may be, is short: a crawler's one-line body is not looked through.
  if (line.length > LONGEST_DATE || !mayBeDate(line)) return undefined;
  const text = compact(line);
  const match = WRITTEN_DATE.exec(text) ?? FIGURE_DATE.exec(text);
  if (!match) return undefined;
  const [year, month] = [numberOf(match[1] as string), numberOf(match[2] as string)];
  const day = match[3] === undefined ? undefined : numberOf(match[3]);
  if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return undefined;
  return day === undefined ? { year, month } : { year, month, day };
}

export interface Signature {
  readonly date: SignatureDate;
  /** The name over the date, where it is a whole organ's name. */
  readonly organ?: string;
}

/** The organ a 落款's name line names, if it is a whole organ's name and not a government's office. */
function signedBy(line: string | undefined): string | undefined {
  if (line === undefined) return undefined;
  const name = line.replace(/[\s\u3000]+/g, '').replace(SEAL, '');
  if (!NAME_LINE.test(name) || INTERNAL_OFFICE.test(name)) return undefined;
  const [organ] = organsIn(name);
  return organ === name ? organ : undefined;
}

/**
 * The 落款s of each document's lines, read once: the organ (`signatureOrgan`) and the page's dates
 * (meta.ts, twice) all ask for them. The lines are never changed once read.
 */
const READ_SIGNATURES = new WeakMap<readonly string[], readonly Signature[]>();

/** The 落款s in the last lines, the last first: each date on a line of its own or after the name on its line. */
export function signatures(lines: readonly string[]): readonly Signature[] {
  let found = READ_SIGNATURES.get(lines);
  if (!found) {
    found = readSignatures(lines);
    READ_SIGNATURES.set(lines, found);
  }
  return found;
}

function readSignatures(lines: readonly string[]): Signature[] {
  // After the body has begun (its first full stop): a short page's last lines may be its header.
  const bodyFrom = lines.findIndex((line) => line.includes('。'));
  const tail = lines
    .slice(Math.max(lines.length - SIGNATURE_TAIL, bodyFrom < 0 ? 0 : bodyFrom + 1))
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const out: Signature[] = [];
  for (let i = tail.length - 1; i >= 0; i -= 1) {
    const line = tail[i] as string;
    if (line.length > LONGEST_LINE) continue;
    const oneLine = NAME_THEN_DATE.exec(line);
    const dateAfterName = oneLine ? dateOf(oneLine[2] as string) : undefined;
    const date = dateAfterName ?? dateOf(line);
    if (!date) continue;
    const organ = signedBy(dateAfterName ? (oneLine?.[1] as string) : tail[i - 1]);
    out.push(organ ? { date, organ } : { date });
  }
  return out;
}

/** The organ of the 落款: the name just above the date at the end, or before it on its line. */
export function signatureOrgan(lines: readonly string[]): string | undefined {
  return signatures(lines).find((signature) => signature.organ)?.organ;
}

/** How many lines at the top a cover may take: the title, perhaps over two lines, the name, the date. */
const COVER_HEAD = 15;

/**
 * The organ a report's cover signs with under its title ("2023年政府信息公开工作年度报告" / "某某县林业局" /
 * "2024年1月"), as a Word or a PDF file prints it: the 落款's name and date, at the top. Only under the
 * title: a site's name and the day's date above it name the site.
 */
export function coverOrgan(lines: readonly string[]): string | undefined {
  const head = lines
    .slice(0, COVER_HEAD)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  for (let i = 0; i + 2 < head.length; i += 1) {
    const line = head[i] as string;
    if (line.length > 80 || !TITLE.test(simplify(line))) continue;
    const organ = signedBy(simplify(head[i + 1] as string));
    if (organ && dateOf(head[i + 2] as string)) return organ;
  }
  return undefined;
}
