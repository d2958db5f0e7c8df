import { CalendarError } from './errors.js';

/**
 * Calendar dates as ISO strings `YYYY-MM-DD`, computed as whole days since 1970-01-01 in UTC so
 * that no time zone (of the server or of a browser) can move a date by one.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number (days since 1970-01-01) of a real date, or undefined when `value` is not one. */
export function dayNumberOrUndefined(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March and maps years 0–99 to 1900–1999: both are refused.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

export function isIsoDate(value: unknown): value is string {
  return dayNumberOrUndefined(value) !== undefined;
}

/** The day number of `value`; a CalendarError `bad-date` naming the value when it is not a date. */
export function dayNumber(value: unknown): number {
  const day = dayNumberOrUndefined(value);
  if (day === undefined) {
    const shown = typeof value === 'string' ? value : String(value);
    throw new CalendarError('bad-date', `日期“${shown}”格式不正确，应为 YYYY-MM-DD 格式的有效日期`);
  }
  return day;
}

export function isoFromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOfDayNumber(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getUTCDay`. 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The date `days` calendar days (not working days) after `date`; negative goes back. */
export function addCalendarDays(date: string, days: number): string {
  return isoFromDayNumber(dayNumber(date) + days);
}

/** Day of the week of a date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return weekdayOfDayNumber(dayNumber(date));
}

export function isWeekend(date: string): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

/** The day number of 1 January of `year`. */
export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}
