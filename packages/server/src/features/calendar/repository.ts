import type { Kysely } from 'kysely';
import type { CalendarYear } from '@xxgk/core';
import { json, type Database } from '../../db/schema.js';

/** The years an administrator entered or corrected, each one's days off as entered. */
export async function storedCalendarYears(db: Kysely<Database>): Promise<CalendarYear[]> {
  return (await db.selectFrom('calendar_years').select('data').execute()).map((row) => row.data);
}

export async function storedYearNumbers(db: Kysely<Database>): Promise<Set<number>> {
  return new Set((await db.selectFrom('calendar_years').select('year').execute()).map((row) => row.year));
}

export async function storedCalendarYear(db: Kysely<Database>, year: number): Promise<CalendarYear | undefined> {
  const row = await db.selectFrom('calendar_years').select('data').where('year', '=', year).executeTakeFirst();
  return row?.data;
}

/** Saves a year's days off, replacing what was stored for it. */
export async function saveCalendarYear(db: Kysely<Database>, year: CalendarYear, by: number): Promise<void> {
  await db
    .insertInto('calendar_years')
    .values({ year: year.year, data: json(year), updated_by: by })
    .onConflict((oc) => oc.column('year').doUpdateSet({ data: json(year), updated_by: by, updated_at: new Date() }))
    .execute();
}
