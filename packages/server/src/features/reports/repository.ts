import { sql, type Kysely } from 'kysely';
import type { CellSource, Finding, Report } from '@xxgk/core';
import { json, type Database, type Db } from '../../db/schema.js';
import { applicationsForYear } from '../applications/repository.js';
import { documentsForYear, reviewsForYear, yearFiguresOf } from '../registers/repository.js';

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

/** What a change to a report row may set; JSON values are given as they are and stored as JSON. */
export interface ReportChanges {
  readonly status?: 'draft' | 'published';
  readonly report?: Report;
  readonly findings?: readonly Finding[];
  readonly sources?: Readonly<Record<string, CellSource>>;
  readonly compiledAt?: Date;
  readonly publishedOn?: string;
  readonly late?: boolean;
  readonly version: number;
}

export async function updateReport(db: Db, id: number, changes: ReportChanges): Promise<void> {
  await db
    .updateTable('annual_reports')
    .set({
      ...(changes.status ? { status: changes.status } : {}),
      ...(changes.report ? { report: json(changes.report) } : {}),
      ...(changes.findings ? { findings: json(changes.findings) } : {}),
      ...(changes.sources ? { sources: json(changes.sources) } : {}),
      ...(changes.compiledAt ? { compiled_at: changes.compiledAt } : {}),
      ...(changes.publishedOn ? { published_on: changes.publishedOn } : {}),
      ...(changes.late !== undefined ? { late: changes.late } : {}),
      version: changes.version,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** A new draft, as first compiled. */
export async function insertReport(
  db: Db,
  draft: {
    organId: number;
    year: number;
    report: Report;
    findings: readonly Finding[];
    sources: Readonly<Record<string, CellSource>>;
  },
): Promise<void> {
  await db
    .insertInto('annual_reports')
    .values({
      organ_id: draft.organId,
      year: draft.year,
      status: 'draft',
      report: json(draft.report),
      findings: json(draft.findings),
      sources: json(draft.sources),
      compiled_at: new Date(),
    })
    .execute();
}

/** The published version frozen with its files. */
export async function insertPublication(
  db: Db,
  publication: {
    reportId: number;
    report: Report;
    findings: readonly Finding[];
    docx: Uint8Array;
    pdf: Uint8Array;
    html: string;
    publishedOn: string;
    publishedBy: number;
  },
): Promise<void> {
  await db
    .insertInto('report_publications')
    .values({
      report_id: publication.reportId,
      report: json(publication.report),
      findings: json(publication.findings),
      docx: publication.docx,
      pdf: publication.pdf,
      html: publication.html,
      published_on: publication.publishedOn,
      published_by: publication.publishedBy,
    })
    .execute();
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

/** The organ's records a year's report is compiled from, each asked of the repository that keeps it. */
export async function recordsForYear(db: Db, organId: number, year: number) {
  const [applications, documents, figures, reviews] = await Promise.all([
    applicationsForYear(db, organId, year),
    documentsForYear(db, organId, year),
    yearFiguresOf(db, organId, year),
    reviewsForYear(db, organId, year),
  ]);
  return { applications, documents, figures, reviews };
}
