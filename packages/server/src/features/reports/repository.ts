import { sql, type Kysely } from 'kysely';
import type { CaseState, CellSource } from '@xxgk/core';
import type { Database } from '../../db/schema.js';
import type { Db } from '../applications/repository.js';

/** Every column but `sources`, which can be megabytes (the serial numbers behind each cell). */
const REPORT_COLUMNS = [
  'id',
  'organ_id',
  'year',
  'status',
  'report',
  'findings',
  'compiled_at',
  'version',
  'updated_at',
  'published_on',
  'late',
] as const;

export async function findReport(db: Db, organId: number, year: number, forUpdate = false) {
  const q = db
    .selectFrom('annual_reports')
    .select(REPORT_COLUMNS)
    .where('organ_id', '=', organId)
    .where('year', '=', year);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export async function latestPublication(db: Kysely<Database>, reportId: number) {
  return db
    .selectFrom('report_publications')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function latestImport(db: Kysely<Database>, organId: number, year: number) {
  return db
    .selectFrom('imported_reports')
    .selectAll()
    .where('organ_id', '=', organId)
    .where('year', '=', year)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The records one cell of a compiled report was counted from. */
export async function cellSource(db: Db, organId: number, year: number, cellId: string) {
  const row = await db
    .selectFrom('annual_reports')
    // `sources` holds what compileReport gave: a CellSource by cell ID.
    .select(sql<CellSource | null>`sources -> ${cellId}`.as('source'))
    .where('organ_id', '=', organId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row?.source ?? null;
}

/** The organ's records a year's report is compiled from. */
export async function recordsForYear(db: Db, organId: number, year: number) {
  const last = `${year}-12-31`;
  const [applications, documents, figures, reviews] = await Promise.all([
    db
      .selectFrom('applications')
      .select(['serial_no', 'applicant_kind', 'received_on', 'closed_on', 'outcome'])
      // Only the fee notice of each case, for section 六: the whole state is many times larger.
      .select(sql<CaseState['fee'] | null>`state -> 'fee'`.as('fee'))
      .where('organ_id', '=', organId)
      .where('received_on', '<=', last)
      .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', `${year}-01-01`)]))
      .execute(),
    db
      .selectFrom('documents')
      .select(['kind', 'number', 'title', 'issued_on', 'repealed_on'])
      .where('organ_id', '=', organId)
      .where('issued_on', '<=', last)
      .execute(),
    db
      .selectFrom('year_figures')
      .select('figures')
      .where('organ_id', '=', organId)
      .where('year', '=', year)
      .executeTakeFirst(),
    db
      .selectFrom('review_cases')
      .select(['kind', 'case_no', 'filed_on', 'concluded_on', 'result'])
      .where('organ_id', '=', organId)
      .where('filed_on', '<=', last)
      .execute(),
  ]);
  return { applications, documents, figures: figures?.figures ?? {}, reviews };
}
