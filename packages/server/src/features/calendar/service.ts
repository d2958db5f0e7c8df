import type { Kysely } from 'kysely';
import {
  CalendarError,
  defaultCalendarYears,
  mergeCalendarYears,
  parseCalendarYear,
  WorkCalendar,
  type CalendarYear,
} from '@xxgk/core';
import type { Database } from '../../db/schema.js';
import { badRequest, forbidden } from '../../errors.js';
import type { Actor } from '../access.js';
import { appendAudit } from '../audit/repository.js';
import { saveCalendarYear, storedCalendarYear, storedCalendarYears, storedYearNumbers } from './repository.js';

/**
 * The working-day calendar: the State Council notices shipped with the core (2019–2026), with
 * years an administrator adds or corrects in the database laid over them, so a new year's notice
 * needs no release. Any other year runs on the core's provisional calendar until then.
 */
export class CalendarService {
  private cached: WorkCalendar | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  async calendar(): Promise<WorkCalendar> {
    if (!this.cached) {
      const overrides = await storedCalendarYears(this.db);
      this.cached = new WorkCalendar(mergeCalendarYears(defaultCalendarYears(), overrides));
    }
    return this.cached;
  }

  /**
   * The years with a notice (shipped or entered), and the years from last year to next year that
   * have none and run on the provisional calendar: the ones a deadline can reach now.
   */
  async years(today: string): Promise<{ year: number; source: CalendarSource }[]> {
    const stored = await storedYearNumbers(this.db);
    const calendar = await this.calendar();
    const thisYear = Number(today.slice(0, 4));
    const years = new Set([...calendar.years(), thisYear - 1, thisYear, thisYear + 1]);
    return [...years]
      .filter((year) => calendar.covers(year) || calendar.isProvisional(year))
      .sort((a, b) => a - b)
      .map((year) => ({ year, source: sourceOf(calendar, stored, year) }));
  }

  /** A year's days off as deadlines count them now, and where they come from. */
  async year(year: number): Promise<(CalendarYear & { source: CalendarSource }) | undefined> {
    const calendar = await this.calendar();
    const data = calendar.yearData(year);
    if (!data) return undefined;
    const stored = await storedCalendarYear(this.db, year);
    if (stored) return { ...stored, source: 'administrator' };
    const shipped = defaultCalendarYears().find((y) => y.year === year);
    return shipped ? { ...shipped, source: 'shipped' } : { ...data, source: 'provisional' };
  }

  /** The calendar as it would be with `input` saved: for a preview, nothing is stored. */
  async withYear(actor: Actor, input: unknown): Promise<{ year: CalendarYear; calendar: WorkCalendar }> {
    if (actor.role !== 'sysAdmin') throw forbidden('只有系统管理员可以维护节假日安排');
    const year = checked(input);
    const overrides = (await storedCalendarYears(this.db)).filter((y) => y.year !== year.year);
    const calendar = new WorkCalendar(mergeCalendarYears(defaultCalendarYears(), [...overrides, year]));
    return { year, calendar };
  }

  async putYear(actor: Actor, input: unknown): Promise<{ year: CalendarYear; replaced: boolean }> {
    if (actor.role !== 'sysAdmin') throw forbidden('只有系统管理员可以维护节假日安排');
    const year = checked(input);
    const replaced = await this.db.transaction().execute(async (trx) => {
      const before = await storedCalendarYear(trx, year.year);
      await saveCalendarYear(trx, year, actor.id);
      await appendAudit(trx, {
        actorId: actor.id,
        organId: null,
        entity: 'calendar',
        entityId: year.year,
        action: before ? 'update' : 'create',
        before,
        after: year,
      });
      return before !== undefined || defaultCalendarYears().some((y) => y.year === year.year);
    });
    this.cached = undefined;
    return { year, replaced };
  }
}

/** Where a year's days off come from: the shipped notices, an administrator, or the 放假办法 alone. */
export type CalendarSource = 'shipped' | 'administrator' | 'provisional';

function sourceOf(calendar: WorkCalendar, stored: ReadonlySet<number>, year: number): CalendarSource {
  if (!calendar.covers(year)) return 'provisional';
  return stored.has(year) ? 'administrator' : 'shipped';
}

function checked(input: unknown): CalendarYear {
  try {
    return parseCalendarYear(input);
  } catch (error) {
    if (error instanceof CalendarError) throw badRequest(`节假日安排数据有误：${error.message}`, error.issues);
    throw error;
  }
}
