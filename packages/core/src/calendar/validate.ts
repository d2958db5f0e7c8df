import { z } from 'zod';
import { formatPath, type SchemaIssue } from '../model/validate.js';
import type { CalendarYear } from './types.js';
import { dayNumberOrUndefined, isIsoDate, weekdayOfDayNumber, yearOfDayNumber } from './dates.js';
import { CalendarError } from './errors.js';

/**
 * The runtime check of calendar data, which an administrator may upload to add a year (2027 when
 * its notice comes out) or correct one without a release. Every message is Chinese and names the
 * field, such as `workdays[2]：2027-02-15 不是周六或周日，不能作为调休上班日`.
 */

export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;

const zhCN = z.locales.zhCN().localeError;

const CalendarDaySchema = z
  .object({
    date: z
      .string()
      .refine(isIsoDate, { error: (issue) => `“${String(issue.input)}”不是有效日期，应为 YYYY-MM-DD 格式` })
      .describe('公历日期，YYYY-MM-DD'),
    name: z.string().trim().min(1, { error: '名称不能为空' }).describe('所属节日，如“春节”'),
  })
  .strict();

export const CalendarYearSchema = z
  .object({
    year: z
      .number({ error: '年份应为数字' })
      .int({ error: '年份应为整数' })
      .min(MIN_CALENDAR_YEAR, { error: `年份应在${MIN_CALENDAR_YEAR}至${MAX_CALENDAR_YEAR}之间` })
      .max(MAX_CALENDAR_YEAR, { error: `年份应在${MIN_CALENDAR_YEAR}至${MAX_CALENDAR_YEAR}之间` }),
    holidays: z.array(CalendarDaySchema).describe('放假日（含节日期间的周末）'),
    workdays: z.array(CalendarDaySchema).describe('调休上班的周六、周日'),
  })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Map<string, string>();
    for (const list of ['holidays', 'workdays'] as const) {
      value[list].forEach(({ date }, index) => {
        const day = dayNumberOrUndefined(date);
        if (day === undefined) return; // already reported by the date check
        const report = (message: string) => ctx.addIssue({ code: 'custom', path: [list, index, 'date'], message });
        if (yearOfDayNumber(day) !== value.year) report(`${date} 不在${value.year}年内`);
        const earlier = seen.get(date);
        if (earlier === undefined) seen.set(date, `${list}[${index}]`);
        else if (earlier.startsWith(list)) report(`${date} 重复，已见于 ${earlier}`);
        else report(`${date} 已列为放假日（${earlier}），不能同时作为调休上班日`);
        const weekday = weekdayOfDayNumber(day);
        if (list === 'workdays' && weekday !== 0 && weekday !== 6) {
          report(`${date} 不是周六或周日，不能作为调休上班日`);
        }
      });
    }
  });

export type CalendarValidationResult =
  { readonly ok: true; readonly years: CalendarYear[] } | { readonly ok: false; readonly issues: SchemaIssue[] };

const CalendarYearsSchema = z.array(CalendarYearSchema).superRefine((years, ctx) => {
  const seen = new Map<number, number>();
  years.forEach(({ year }, index) => {
    const earlier = seen.get(year);
    if (earlier === undefined) seen.set(year, index);
    else ctx.addIssue({ code: 'custom', path: [index, 'year'], message: `${year}年重复，已见于 [${earlier}]` });
  });
});

/**
 * The path of an issue, shown the way the brief and the officers read it: `workdays[2]` rather
 * than `workdays[2].date`, since a day is named by its date.
 */
function issuePath(path: readonly PropertyKey[]): string {
  const shown = path.at(-1) === 'date' ? path.slice(0, -1) : path;
  return formatPath(shown);
}

function toIssues(error: z.ZodError): SchemaIssue[] {
  return error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
}

function invalid(issues: readonly SchemaIssue[]): CalendarError {
  const message = issues.map((issue) => `${issue.path}：${issue.message}`).join('；');
  return new CalendarError('invalid-data', message, issues);
}

/** Checks a list of calendar years (no year twice); never throws. */
export function validateCalendarYears(input: unknown): CalendarValidationResult {
  const result = CalendarYearsSchema.safeParse(input, { error: zhCN });
  return result.success ? { ok: true, years: result.data } : { ok: false, issues: toIssues(result.error) };
}

/** One year of calendar data, checked; a CalendarError `invalid-data` listing every problem otherwise. */
export function parseCalendarYear(input: unknown): CalendarYear {
  const result = CalendarYearSchema.safeParse(input, { error: zhCN });
  if (!result.success) throw invalid(toIssues(result.error));
  return result.data;
}

/** A list of calendar years, checked as `parseCalendarYear` does and with no year twice. */
export function parseCalendarYears(input: unknown): CalendarYear[] {
  const result = validateCalendarYears(input);
  if (!result.ok) throw invalid(result.issues);
  return result.years;
}

/**
 * The base years with the overrides laid over them, by year and ascending: an override replaces
 * the whole year it names (its holidays and its 调休 days), and a year the base lacks is added.
 * This is how an administrator adds 2027 once its notice is out, or corrects a year, without a
 * release. Two overrides for one year are refused rather than one silently winning.
 */
export function mergeCalendarYears(base: readonly CalendarYear[], overrides: readonly CalendarYear[]): CalendarYear[] {
  const seen = new Set<number>();
  for (const [index, { year }] of overrides.entries()) {
    if (seen.has(year)) throw invalid([{ path: `[${index}].year`, message: `${year}年的日历数据重复提供` }]);
    seen.add(year);
  }
  const byYear = new Map<number, CalendarYear>();
  for (const year of base) byYear.set(year.year, year);
  for (const year of overrides) byYear.set(year.year, year);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
