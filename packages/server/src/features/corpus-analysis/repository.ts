import { measureByKey, type Measure } from '@xxgk/core';
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { CorpusFilter } from './filter.js';
import { storedRegionCells, storesRegionCells } from './region-cells/repository.js';
import { yearCounts } from './summary/repository.js';

export type { CorpusFilter } from './filter.js';
// The import (features/corpus) refreshes the sums through this module.
export {
  childCodeLength,
  refreshCorpusSummaries,
  summaryChoices,
  summaryColumns,
  summarySums,
  type GroupBy,
} from './summary/repository.js';

/**
 * The corpus's read side (issue 15) beside the sums (summary/repository.ts): the reports behind a figure,
 * one report and its file, a region's reports for its 汇总, and the rows of an export. Only
 * `current` versions count anywhere.
 */

/** A measure of one report in SQL: the sum of its cells, blank and absent cells 0. */
export function measureSql(measure: Measure, alias = 'r'): RawBuilder<number> {
  if (measure.key === 'reports') return sql<number>`1::float8`;
  const terms = measure.cells.map((id) => sql`coalesce((${sql.ref(`${alias}.figures`)}->>${id})::float8, 0)`);
  return sql<number>`(${sql.join(terms, sql` + `)})`;
}

/** Current reports matching the filter (on the partial indexes of current reports). */
function currentReports(db: Db, filter: CorpusFilter) {
  let q = db
    .selectFrom('corpus_reports as r')
    .innerJoin('corpus_organs as o', 'o.id', 'r.organ_id')
    .where('r.current', '=', true);
  if (filter.year !== undefined) q = q.where('r.year', '=', filter.year);
  if (filter.region) q = q.where(sql`r.region_code`, 'like', `${filter.region}%`);
  if (filter.level) q = q.where('r.level', '=', filter.level);
  if (filter.kind) q = q.where('r.kind', '=', filter.kind);
  return q;
}

export interface ReportListQuery extends CorpusFilter {
  /** Only reports with this measure above 0, and its value beside each. */
  readonly measure?: string;
  /** Only reports breaking this rule. */
  readonly rule?: string;
  readonly limit: number;
  readonly offset: number;
}

const LIST_COLUMNS = [
  'r.id',
  'r.year',
  'r.version',
  'r.format',
  'r.region_code as regionCode',
  'r.level',
  'r.kind',
  'r.file_id as fileId',
  'o.name as organName',
  'r.failed_rules as failedRules',
] as const;

type ListRow = { id: string | number; value: number | string };
const listItems = <T extends ListRow>(rows: T[]) =>
  rows.map((row) => ({ ...row, id: String(row.id), value: Number(row.value) }));

/** A page of the reports behind a figure, most of the measure first, and how many there are. */
export async function listReports(db: Db, query: ReportListQuery) {
  const measure = query.measure ? measureByKey(query.measure) : undefined;
  if (!measure || measure.key === 'reports') return listByYear(db, query, measure !== undefined);
  const value = measureSql(measure);
  let q = currentReports(db, query).where(value as Expression<number>, '>', 0);
  if (query.rule) q = q.where(sql<SqlBool>`r.failed_rules @> array[${query.rule}]::text[]`);
  const [count, items] = await Promise.all([
    q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    q
      .select([...LIST_COLUMNS, value.as('value')])
      .orderBy(sql`value`, 'desc')
      .orderBy('r.year', 'desc')
      .orderBy('o.name')
      .orderBy('r.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
  ]);
  return { total: Number(count.n), items: listItems(items) };
}

/**
 * The same page when every report's value is the same (no measure, or the count of reports):
 * latest year first, so the page lies in one or two years. Each year's count comes from the sums
 * (the summary is refreshed with every import batch, as the figure the list is opened from), and
 * only the years the page falls in are read. Counting and sorting every report breaking a rule in
 * all years took 250–390 ms at 100,000 reports.
 */
async function listByYear(db: Db, query: ReportListQuery, counted: boolean) {
  const years = await yearCounts(db, query, query.rule);
  const total = years.reduce((sum, year) => sum + year.count, 0);
  const end = query.offset + query.limit;
  const inPage: number[] = [];
  let before = 0;
  let skip = 0;
  for (const { year, count } of years) {
    if (before + count > query.offset && before < end) {
      if (inPage.length === 0) skip = query.offset - before;
      inPage.push(year);
    }
    before += count;
  }
  if (inPage.length === 0) return { total, items: [] };
  let q = currentReports(db, query).where('r.year', 'in', inPage);
  if (query.rule) q = q.where(sql<SqlBool>`r.failed_rules @> array[${query.rule}]::text[]`);
  const items = await q
    .select([...LIST_COLUMNS, sql<number>`${counted ? 1 : 0}::float8`.as('value')])
    .orderBy('r.year', 'desc')
    .orderBy('o.name')
    .orderBy('r.id')
    .limit(query.limit)
    .offset(skip)
    .execute();
  return { total, items: listItems(items) };
}

/** One report (any version, so that an older link keeps working) with its organ and file. */
export async function findReport(db: Db, id: string) {
  return db
    .selectFrom('corpus_reports as r')
    .innerJoin('corpus_organs as o', 'o.id', 'r.organ_id')
    .innerJoin('corpus_files as f', 'f.id', 'r.file_id')
    .where('r.id', '=', id)
    .select([
      'r.id',
      'r.organ_id as organId',
      'o.name as organName',
      'r.year',
      'r.version',
      'r.current',
      'r.format',
      'r.region_code as regionCode',
      'r.level',
      'r.kind',
      'r.figures',
      'r.findings',
      'r.sources',
      'r.meta',
      'r.file_id as fileId',
      'f.file_name as fileName',
      'f.media_type as mediaType',
      'f.size',
    ])
    .executeTakeFirst();
}

/** A corpus file's bytes and how to serve them. */
export async function findFile(db: Db, id: number) {
  return db
    .selectFrom('corpus_files')
    .where('id', '=', id)
    .select(['file_name as fileName', 'media_type as mediaType', 'content'])
    .executeTakeFirst();
}

/** The current reports of a region's own organs (or of every organ within it) in a year. */
function regionYear(db: Db, region: string, year: number, within: boolean) {
  const q = db.selectFrom('corpus_reports as r').where('r.current', '=', true).where('r.year', '=', year);
  return within ? q.where(sql`r.region_code`, 'like', `${region}%`) : q.where('r.region_code', '=', region);
}

/**
 * Those reports' cells added up, each cell that holds a number in any of them: a province's or a
 * prefecture's with everything within it read from the sums stored at refresh (migration 0016),
 * any other added up in SQL (a county's organs' few reports).
 */
export async function regionCellSums(db: Db, region: string, year: number, within: boolean) {
  if (storesRegionCells(region, within)) return storedRegionCells(db, region, year);
  const rows = await regionYear(db, region, year, within)
    .innerJoin(sql<{ key: string; value: unknown }>`jsonb_each(r.figures)`.as('e'), (join) => join.onTrue())
    .where(sql<SqlBool>`jsonb_typeof(e.value) = 'number'`)
    .select([sql<string>`e.key`.as('id'), sql<number>`sum(e.value::float8)`.as('sum')])
    .groupBy(sql`e.key`)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.id, row.sum]));
}

/** Those reports' organs and publication dates, without their tables. */
export async function regionReports(db: Db, region: string, year: number, within: boolean) {
  return regionYear(db, region, year, within)
    .innerJoin('corpus_organs as o', 'o.id', 'r.organ_id')
    .select([
      'r.id',
      sql<number>`coalesce(o.merged_into, o.id)`.as('organId'),
      'o.name as organName',
      sql<unknown>`r.meta->'publishedOn'`.as('publishedOn'),
    ])
    .orderBy('o.name')
    .execute();
}

/** The organs of a region the corpus knows (from any year), merged spellings left out. */
export async function regionOrgans(db: Db, region: string, within: boolean) {
  let q = db.selectFrom('corpus_organs').where('merged_into', 'is', null);
  q = within ? q.where(sql`region_code`, 'like', `${region}%`) : q.where('region_code', '=', region);
  return q.select(['id', 'name']).orderBy('name').execute();
}

/** The rows of an export: every current report matching the filter, at most `limit` of them. */
export async function exportRows(db: Db, filter: CorpusFilter, limit: number) {
  const rows = await currentReports(db, filter)
    .select([
      'r.id',
      'o.name as organName',
      'r.region_code as regionCode',
      'r.level',
      'r.kind',
      'r.year',
      'r.version',
      'r.format',
      'r.figures',
    ])
    .orderBy('r.year')
    .orderBy('r.region_code')
    .orderBy('o.name')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, id: String(row.id) }));
}
