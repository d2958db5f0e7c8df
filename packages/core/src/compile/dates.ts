import { isIsoDate } from '../calendar/dates.js';

/**
 * Calendar days as ISO strings `YYYY-MM-DD`. Records keep days, not instants (see
 * cases/model.ts), so a year is the closed range of its first and last day and two days
 * compare as strings.
 */

/** Whether the numbers name a day of the Gregorian calendar (no 2月30日, no 13月). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  return isIsoDate(isoDate(year, month, day));
}

/** Whether `text` is a real day written `YYYY-MM-DD`: the calendar's one check of dates. */
export { isIsoDate };

/** The day as `YYYY-MM-DD`, zero-padded. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first and last day of a year: the period an annual report covers. */
export function yearBounds(year: number): { readonly first: string; readonly last: string } {
  return { first: isoDate(year, 1, 1), last: isoDate(year, 12, 31) };
}
