import { CalendarError, yearNotCovered } from './errors.js';
import { dayNumber, firstDayOfYear, isoFromDayNumber, weekdayOfDayNumber, yearOfDayNumber } from './dates.js';
import { provisionalCalendarYear } from './provisional.js';
import type { CalendarDay, CalendarYear } from './types.js';

export type { CalendarDay, CalendarYear } from './types.js';
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR, parseCalendarYears } from './validate.js';

export { CalendarError, type CalendarErrorCode } from './errors.js';

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
  /** The day lies in a year without a notice: it follows the provisional calendar (暂定). */
  readonly provisional?: boolean;
}

export interface WorkCalendarOptions {
  /**
   * Years without a notice (from 2000 to 2100) follow the provisional calendar of
   * `provisionalCalendarYear` (default); false makes them throw `year-not-covered`, as a check
   * that a computation stays inside the notices.
   */
  readonly provisional?: boolean;
}

const NOT_COVERED = 0;
const WORKING = 1;
const OFF = 2;

/**
 * The working-day calendar: the years whose notice it holds, and for any other year from 2000 to
 * 2100 the provisional year of the 放假办法 (`provisionalCalendarYear`), so that every case has a
 * deadline; `isProvisional` and `provisionalBetween` tell when a result rests on one, to be shown
 * as 暂定. Periods of the 条例 are counted in working days: `addWorkingDays` and
 * `workingDaysBetween` never count the day a period starts on (期间开始的当日不计入). A date outside
 * 2000–2100 throws `year-not-covered`.
 */
export class WorkCalendar {
  /** Working (1), off (2) or not covered (0), for every day from 1 January of the first year. */
  private readonly flags: Uint8Array;
  private readonly firstDay: number;
  private readonly named = new Map<number, DayInfo>();
  private readonly coveredYears: readonly number[];
  /** Provisional years built so far, each a flag per day of the year. */
  private readonly provisionalFlags = new Map<number, Uint8Array>();
  private readonly allowProvisional: boolean;

  /** Checks the data as `parseCalendarYears` does and throws `invalid-data` when it is wrong. */
  constructor(years: readonly CalendarYear[], options: WorkCalendarOptions = {}) {
    this.allowProvisional = options.provisional ?? true;
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

  /** The year's notice is held (not provisional). */
  covers(year: number): boolean {
    return this.coveredYears.includes(year);
  }

  /** The year has no notice and follows the provisional calendar. */
  isProvisional(year: number): boolean {
    return this.allowProvisional && !this.covers(year) && year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR;
  }

  /** Some day d with `from` ≤ d ≤ `to` (in either order) lies in a provisional year. */
  provisionalBetween(from: string, to: string): boolean {
    const a = yearOfDayNumber(dayNumber(from));
    const b = yearOfDayNumber(dayNumber(to));
    for (let year = Math.min(a, b); year <= Math.max(a, b); year++) if (this.isProvisional(year)) return true;
    return false;
  }

  /** The year's days off as this calendar counts them: its notice, or the provisional year. */
  yearData(year: number): CalendarYear | undefined {
    if (this.isProvisional(year)) return provisionalCalendarYear(year);
    if (!this.covers(year)) return undefined;
    const holidays: CalendarDay[] = [];
    const workdays: CalendarDay[] = [];
    for (const [day, info] of [...this.named.entries()].sort(([a], [b]) => a - b)) {
      if (yearOfDayNumber(day) !== year || info.provisional) continue;
      (info.working ? workdays : holidays).push({ date: isoFromDayNumber(day), name: info.name ?? '' });
    }
    return { year, holidays, workdays };
  }

  /** The years whose notice is held, ascending. */
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
    const provisional = this.isProvisional(yearOfDayNumber(day)) ? { provisional: true } : {};
    return named ? { ...named } : { working, kind: working ? 'workday' : 'weekend', ...provisional };
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
    if (flag !== NOT_COVERED) return flag;
    const year = yearOfDayNumber(day);
    const flags = this.provisionalYearFlags(year);
    if (!flags) throw yearNotCovered(year);
    return flags[day - firstDayOfYear(year)] ?? NOT_COVERED;
  }

  /** The flags of a provisional year, built on first use; undefined when the year cannot be one. */
  private provisionalYearFlags(year: number): Uint8Array | undefined {
    if (!this.isProvisional(year)) return undefined;
    let flags = this.provisionalFlags.get(year);
    if (flags) return flags;
    const start = firstDayOfYear(year);
    flags = new Uint8Array(firstDayOfYear(year + 1) - start);
    for (let day = start; day < firstDayOfYear(year + 1); day++) {
      const weekday = weekdayOfDayNumber(day);
      flags[day - start] = weekday === 0 || weekday === 6 ? OFF : WORKING;
    }
    for (const { date, name } of provisionalCalendarYear(year).holidays) {
      const day = dayNumber(date);
      flags[day - start] = OFF;
      this.named.set(day, { working: false, kind: 'holiday', name, provisional: true });
    }
    this.provisionalFlags.set(year, flags);
    return flags;
  }
}
