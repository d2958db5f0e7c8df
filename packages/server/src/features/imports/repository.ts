import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Finding, Report, Severity } from '@xxgk/core';
import { containsPattern } from '../../db/like.js';
import type { Selectable } from 'kysely';
import { json, type CorrectionColumn, type Database, type Db, type ImportedReportsTable } from '../../db/schema.js';

/** A cell corrected by hand when the file was saved (the imports service's `importFile`). */
export type StoredCorrection = CorrectionColumn;

/** The `report` column of an import: the file's report, with the corrections applied and listed. */
export type StoredReport = Selectable<ImportedReportsTable>['report'];

/** How many of an import's findings have the severity, counted in the database. */
function findingCount(severity: Severity): RawBuilder<number> {
  return sql<number>`(select count(*) from jsonb_array_elements(imported_reports.findings) as finding
    where finding ->> 'severity' = ${severity})::int`;
}

/**
 * The columns of a row of the list. The counts are read in the database so that the list never
 * carries a whole report (hundreds of cells, provenance, prose) for three numbers.
 */
function summaryColumns() {
  return [
    'imported_reports.id',
    'imported_reports.organ_id',
    'imported_reports.year',
    'imported_reports.file_name',
    'imported_reports.imported_at',
    'users.display_name as imported_by_name',
    findingCount('error').as('error_count'),
    findingCount('warning').as('warning_count'),
    sql<number>`coalesce(jsonb_array_length(imported_reports.report -> 'corrections'), 0)`.as('correction_count'),
  ] as const;
}

export interface ImportListQuery {
  readonly organId: number;
  readonly year?: number;
  /** Part of the file name, matched literally (no wildcards), ignoring case. */
  readonly fileName?: string;
  readonly limit: number;
  readonly offset: number;
}

/** One page of an organ's saved imports, newest first, and how many there are in all. */
export async function listImports(db: Kysely<Database>, query: ImportListQuery) {
  let q = db
    .selectFrom('imported_reports')
    .leftJoin('users', 'users.id', 'imported_reports.imported_by')
    .where('imported_reports.organ_id', '=', query.organId);
  if (query.year !== undefined) q = q.where('imported_reports.year', '=', query.year);
  if (query.fileName) q = q.where('imported_reports.file_name', 'ilike', containsPattern(query.fileName));
  const [items, total] = await Promise.all([
    q
      .select(summaryColumns())
      .orderBy('imported_reports.imported_at', 'desc')
      .orderBy('imported_reports.id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** One saved import with its report and findings. */
export async function findImport(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('imported_reports')
    .leftJoin('users', 'users.id', 'imported_reports.imported_by')
    .select([...summaryColumns(), 'imported_reports.report', 'imported_reports.findings'])
    .where('imported_reports.id', '=', id)
    .executeTakeFirst();
}

export type ImportSummaryRow = Awaited<ReturnType<typeof listImports>>['items'][number];

/** The organ's latest saved import of a file with these bytes (by SHA-256), if any. */
export async function findImportByContent(db: Kysely<Database>, organId: number, sha256: string) {
  return db
    .selectFrom('imported_reports')
    .select(['id', 'year', 'file_name', 'imported_at'])
    .where('organ_id', '=', organId)
    .where('content_sha256', '=', sha256)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The organ's latest import of a year's report. */
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

/** An import as kept: the (corrected) report and the findings on it. */
export interface ImportValues {
  readonly organ_id: number;
  readonly year: number;
  readonly file_name: string;
  readonly report: Report;
  readonly findings: readonly Finding[];
  readonly imported_by: number | null;
  readonly content_sha256: string;
}

/** Saves an import, replacing the earlier import `replacing` when given; returns its id. */
export async function saveImport(db: Db, values: ImportValues, replacing?: number): Promise<{ id: number }> {
  const row = { ...values, report: json(values.report), findings: json(values.findings) };
  if (replacing === undefined) {
    return db.insertInto('imported_reports').values(row).returning('id').executeTakeFirstOrThrow();
  }
  return db
    .updateTable('imported_reports')
    .set({ ...row, imported_at: new Date() })
    .where('id', '=', replacing)
    .returning('id')
    .executeTakeFirstOrThrow();
}
