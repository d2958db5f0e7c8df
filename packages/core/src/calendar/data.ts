import chineseDays from 'chinese-days';
import type { CalendarDay, CalendarYear } from './calendar.js';
import { WorkCalendar } from './calendar.js';
import { firstDayOfYear, isoFromDayNumber, weekdayOfDayNumber } from './dates.js';
import { parseCalendarYears } from './validate.js';

/**
 * The default calendar: the State Council's holiday notices as the npm package `chinese-days`
 * carries them, read through its public `getDayDetail` one day at a time.
 *
 * `chinese-days` is CommonJS (a UMD bundle). Node gives an ES module its `module.exports` as the
 * default import, and TypeScript (module NodeNext) types that default as the whole module, so the
 * default import is the one form that works in Node, in Vitest and in the type checker alike.
 */

export const DEFAULT_FIRST_YEAR = 2019;
export const DEFAULT_LAST_YEAR = 2026;

/** The package's short names, as the notices print them. */
const HOLIDAY_NAMES: Readonly<Record<string, string>> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
};

/**
 * The holiday a day belongs to, when the package lists it as a holiday or 调休 day: its detail
 * name is then `English,中文,days` (e.g. `Spring Festival,春节,4`); an ordinary day is named
 * after its weekday (`Monday`).
 */
function listedHoliday(name: string): string | undefined {
  const parts = name.split(',');
  const chinese = parts[1]?.trim();
  if (parts.length < 2 || !chinese) return undefined;
  return HOLIDAY_NAMES[chinese] ?? chinese;
}

/**
 * One year from `chinese-days`. Only whether the package lists a day (and whether as a day off or
 * a working day) is taken from it; the weekday is computed here in UTC. The package formats dates
 * in the server's local time zone, so west of UTC its own weekday and `date` fields are one day
 * off, while the lookup of a listed day (both sides shifted alike) stays right.
 */
export function calendarYearFromChineseDays(year: number): CalendarYear {
  const holidays: CalendarDay[] = [];
  const workdays: CalendarDay[] = [];
  for (let day = firstDayOfYear(year); day < firstDayOfYear(year + 1); day++) {
    const date = isoFromDayNumber(day);
    const detail = chineseDays.getDayDetail(date);
    const name = listedHoliday(detail.name);
    if (name === undefined) continue;
    const weekday = weekdayOfDayNumber(day);
    const weekend = weekday === 0 || weekday === 6;
    if (!detail.work) holidays.push({ date, name });
    else if (weekend) workdays.push({ date, name });
    // A listed weekday that is worked is an ordinary working day (the package names the days
    // around a holiday that way); nothing to record.
  }
  return { year, holidays, workdays };
}

function freezeYear(year: CalendarYear): CalendarYear {
  return Object.freeze({
    year: year.year,
    holidays: Object.freeze(year.holidays.map((day) => Object.freeze({ ...day }))),
    workdays: Object.freeze(year.workdays.map((day) => Object.freeze({ ...day }))),
  });
}

let cached: readonly CalendarYear[] | undefined;
let cachedCalendar: WorkCalendar | undefined;

/**
 * The official calendar of 2019 to 2026 (the 条例 of 2019 applies from 15 May 2019), checked by
 * `parseCalendarYears`, built once and cached. Callers get their own array; the years are frozen.
 */
export function defaultCalendarYears(): CalendarYear[] {
  cached ??= parseCalendarYears(
    Array.from({ length: DEFAULT_LAST_YEAR - DEFAULT_FIRST_YEAR + 1 }, (_, i) =>
      calendarYearFromChineseDays(DEFAULT_FIRST_YEAR + i),
    ),
  ).map(freezeYear);
  return [...cached];
}

/** A `WorkCalendar` over `defaultCalendarYears()`, built once. */
export function defaultWorkCalendar(): WorkCalendar {
  cachedCalendar ??= new WorkCalendar(defaultCalendarYears());
  return cachedCalendar;
}
