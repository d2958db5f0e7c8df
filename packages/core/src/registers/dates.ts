import { isCalendarDay, isoDate } from '../compile/dates.js';
import { fieldError, type CsvRowError } from './table.js';

/** 2026-03-05, 2026/3/5, 2026.3.5: one separator, used twice. */
const NUMERIC_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
/** 2026年3月5日 (the 日 is sometimes left off). */
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
/** Excel writes a date formatted as date-time with its time: "2026/3/5 0:00". The day is what counts. */
const TIME_OF_DAY = /\s+\d{1,2}:\d{2}(?::\d{2})?$/;

/**
 * Reads a day as clerks write it in a spreadsheet and returns it as `YYYY-MM-DD`, or undefined
 * when the text is no real day (2026-13-01, 2026-02-30, 下周一).
 */
export function parseRegisterDate(text: string): string | undefined {
  const compact = text.normalize('NFKC').trim().replace(TIME_OF_DAY, '').replace(/\s+/g, '');
  const match = NUMERIC_DATE.exec(compact) ?? CHINESE_DATE.exec(compact);
  if (!match) return undefined;
  const parts = match.length === 5 ? [match[1], match[3], match[4]] : [match[1], match[2], match[3]];
  const [year, month, day] = parts.map(Number) as [number, number, number];
  return isCalendarDay(year, month, day) ? isoDate(year, month, day) : undefined;
}

/** Reads a required date field; records the error and returns undefined when it is empty or no date. */
export function requiredDate(line: number, field: string, text: string, errors: CsvRowError[]): string | undefined {
  if (text === '') {
    errors.push(fieldError(line, field, '不能为空'));
    return undefined;
  }
  return optionalDate(line, field, text, errors);
}

/** Reads an optional date field: '' is no date; anything else must be a real day. */
export function optionalDate(line: number, field: string, text: string, errors: CsvRowError[]): string | undefined {
  if (text === '') return undefined;
  const day = parseRegisterDate(text);
  if (!day) errors.push(fieldError(line, field, `${text} 不是有效日期`));
  return day;
}
