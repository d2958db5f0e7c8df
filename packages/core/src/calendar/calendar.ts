import { CalendarError, yearNotCovered } from './errors.js';
import { dayNumber, firstDayOfYear, isoFromDayNumber, weekdayOfDayNumber, yearOfDayNumber } from './dates.js';
import { parseCalendarYears } from './validate.js';

export { CalendarError, type CalendarErrorCode } from './errors.js';

/** One named day of a holiday notice. */
export interface CalendarDay {
  readonly date: string;
  readonly name: string;
}

/**
 * One year of the State Council's holiday notice (国务院办公厅关于20XX年部分节假日安排的通知).
 *
 * `holidays` lists every day of each holiday span as the notice gives it (2026 春节: 2月15日至23日,
 * all nine days), weekend days included: the notice counts them (“共9天”) and a weekend day inside
 * a holiday can then be shown with the holiday's name. Listing only the weekdays is just as valid;
 * a weekend day is a day off either way. `workdays` are the weekend days the notice declares
 * working days (调休上班, e.g. 2026-02-14), named after the holiday they make up for; every one
 * must be a Saturday or Sunday.
 */
export interface CalendarYear {
  readonly year: number;
  readonly holidays: readonly CalendarDay[];
  readonly workdays: readonly CalendarDay[];
}

/** What kind of day a date is: ordinary, weekend, holiday, or a weekend day worked (调休上班). */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjustedWorkday';

export const DAY_KIND_LABELS: Readonly<Record<DayKind, string>> = {
  workday: '工作日',
  weekend: '休息日',
  holiday: '法定节假日',
  adjustedWorkday: '调休上班日',
};

export interface DayInfo {
  readonly working: boolean;
  readonly kind: DayKind;
  /** The holiday a holiday or 调休上班 day belongs to, such as “春节”. */
  readonly name?: string;
}

const NOT_COVERED = 0;
const WORKING = 1;
const OFF = 2;

/**
 * The official working-day calendar over the years it holds. Periods of the 条例 are counted in
 * working days: `addWorkingDays` and `workingDaysBetween` never count the day a period starts
 * on (期间开始的当日不计入). Any date in a year it does not hold throws `year-not-covered`, rather
 * than guessing from weekends alone and getting a deadline wrong.
 */
export class WorkCalendar {
  /** Working (1), off (2) or not covered (0), for every day from 1 January of the first year. */
  private readonly flags: Uint8Array;
  private readonly firstDay: number;
  private readonly named = new Map<number, DayInfo>();
  private readonly coveredYears: readonly number[];

  /** Checks the data as `parseCalendarYears` does and throws `invalid-data` when it is wrong. */
  constructor(years: readonly CalendarYear[]) {
    const checked = parseCalendarYears(years);
    this.coveredYears = checked.map((y) => y.year).sort((a, b) => a - b);
    const first = this.coveredYears[0];
    const last = this.coveredYears.at(-1);
    if (first === undefined || last === undefined) {
      this.firstDay = 0;
      this.flags = new Uint8Array(0);
      return;
    }
    this.firstDay = firstDayOfYear(first);
    this.flags = new Uint8Array(firstDayOfYear(last + 1) - this.firstDay);
    for (const { year, holidays, workdays } of checked) {
      const start = firstDayOfYear(year);
      for (let day = start; day < firstDayOfYear(year + 1); day++) {
        const weekday = weekdayOfDayNumber(day);
        this.flags[day - this.firstDay] = weekday === 0 || weekday === 6 ? OFF : WORKING;
      }
      for (const { date, name } of holidays) {
        const day = dayNumber(date);
        this.flags[day - this.firstDay] = OFF;
        this.named.set(day, { working: false, kind: 'holiday', name });
      }
      for (const { date, name } of workdays) {
        const day = dayNumber(date);
        this.flags[day - this.firstDay] = WORKING;
        this.named.set(day, { working: true, kind: 'adjustedWorkday', name });
      }
    }
  }

  covers(year: number): boolean {
    return this.coveredYears.includes(year);
  }

  /** The years held, ascending. */
  years(): number[] {
    return [...this.coveredYears];
  }

  isWorkingDay(date: string): boolean {
    return this.flagOf(dayNumber(date)) === WORKING;
  }

  dayInfo(date: string): DayInfo {
    const day = dayNumber(date);
    const working = this.flagOf(day) === WORKING;
    const named = this.named.get(day);
    return named ? { ...named } : { working, kind: working ? 'workday' : 'weekend' };
  }

  /**
   * The `n`-th working day after `from`; `from` itself is never counted, and `n` = 0 gives `from`.
   * A period of 20 working days from an application received on `from` ends on `addWorkingDays(from, 20)`.
   */
  addWorkingDays(from: string, n: number): string {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new CalendarError('bad-count', `工作日数应为不小于0的整数，收到的是“${String(n)}”`);
    }
    let day = dayNumber(from);
    this.flagOf(day);
    for (let left = n; left > 0;) {
      day++;
      if (this.flagOf(day) === WORKING) left--;
    }
    return isoFromDayNumber(day);
  }

  /**
   * How many working days d there are with `from` < d ≤ `to`: 0 when `to` is `from`, negative
   * (counting `to` < d ≤ `from`) when `to` comes before `from`.
   */
  workingDaysBetween(from: string, to: string): number {
    const start = dayNumber(from);
    const end = dayNumber(to);
    if (end < start) {
      const back = this.workingDaysBetween(to, from);
      return back === 0 ? 0 : -back; // never -0
    }
    this.flagOf(start);
    let count = 0;
    for (let day = start + 1; day <= end; day++) if (this.flagOf(day) === WORKING) count++;
    return count;
  }

  /** The first working day after `date` (never `date` itself). */
  nextWorkingDay(date: string): string {
    return this.addWorkingDays(date, 1);
  }

  private flagOf(day: number): number {
    const flag = this.flags[day - this.firstDay] ?? NOT_COVERED;
    if (flag === NOT_COVERED) throw yearNotCovered(yearOfDayNumber(day));
    return flag;
  }
}
