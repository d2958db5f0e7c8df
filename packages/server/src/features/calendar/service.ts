import type { Kysely } from 'kysely';
import {
  CalendarError,
  defaultCalendarYears,
  mergeCalendarYears,
  parseCalendarYear,
  WorkCalendar,
  type CalendarYear,
} from '@xxgk/core';
import { json, type Database } from '../../db/schema.js';
import { badRequest, forbidden } from '../../http/errors.js';
import type { Actor } from '../access.js';
import { appendAudit } from '../audit/repository.js';

/**
 * The working-day calendar: the State Council notices shipped with the core (2019–2026), with
 * years an administrator adds or corrects in the database laid over them, so a new year's notice
 * needs no release.
 */
export class CalendarService {
  private cached: WorkCalendar | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  async calendar(): Promise<WorkCalendar> {
    if (!this.cached) {
      const rows = await this.db.selectFrom('calendar_years').select('data').execute();
      const overrides = rows.map((row) => row.data as CalendarYear);
      this.cached = new WorkCalendar(mergeCalendarYears(defaultCalendarYears(), overrides));
    }
    return this.cached;
  }

  async years(): Promise<{ year: number; source: 'shipped' | 'administrator' }[]> {
    const stored = new Set((await this.db.selectFrom('calendar_years').select('year').execute()).map((r) => r.year));
    const all = (await this.calendar()).years();
    return all.map((year) => ({ year, source: stored.has(year) ? 'administrator' : 'shipped' }));
  }

  async year(year: number): Promise<CalendarYear | undefined> {
    const calendar = await this.calendar();
    if (!calendar.covers(year)) return undefined;
    const stored = await this.db
      .selectFrom('calendar_years')
      .select('data')
      .where('year', '=', year)
      .executeTakeFirst();
    return (stored?.data as CalendarYear | undefined) ?? defaultCalendarYears().find((y) => y.year === year);
  }

  async putYear(actor: Actor, input: unknown): Promise<CalendarYear> {
    if (actor.role !== 'sysAdmin') throw forbidden('只有系统管理员可以维护节假日安排');
    let year: CalendarYear;
    try {
      year = parseCalendarYear(input);
    } catch (error) {
      if (error instanceof CalendarError) throw badRequest(`节假日安排数据有误：${error.message}`, error.issues);
      throw error;
    }
    await this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('calendar_years')
        .select('data')
        .where('year', '=', year.year)
        .executeTakeFirst();
      await trx
        .insertInto('calendar_years')
        .values({ year: year.year, data: json(year), updated_by: actor.id })
        .onConflict((oc) =>
          oc.column('year').doUpdateSet({ data: json(year), updated_by: actor.id, updated_at: new Date() }),
        )
        .execute();
      await appendAudit(trx, {
        actorId: actor.id,
        organId: null,
        entity: 'calendar',
        entityId: year.year,
        action: before ? 'update' : 'create',
        before: before?.data,
        after: year,
      });
    });
    this.cached = undefined;
    return year;
  }
}
