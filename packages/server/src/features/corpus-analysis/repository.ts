import { MEASURES, measureByKey, type Measure } from '@xxgk/core';
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database, Db } from '../../db/schema.js';
import type { CorpusFilter } from './filter.js';
import { refreshOutliers } from './outliers/repository.js';

export type { CorpusFilter } from './filter.js';

/**
 * The corpus's read side (issue 15): the summary table and its refresh, the dashboard's sums, the
 * reports behind a figure, one report and its file, a region's reports for its 汇总, and the rows
 * of an export. Only `current` versions count anywhere.
 */

export type GroupBy = 'year' | 'region' | 'level' | 'kind';

/** A measure of one report in SQL: the sum of its cells, blank and absent cells 0. */
export function measureSql(measure: Measure, alias = 'r'): RawBuilder<number> {
  if (measure.key === 'reports') return sql<number>`1::float8`;
  const terms = measure.cells.map((id) => sql`coalesce((${sql.ref(`${alias}.figures`)}->>${id})::float8, 0)`);
  return sql<number>`(${sql.join(terms, sql` + `)})`;
}

/** Every cell some measure adds up, read out of a report's JSON in one pass (jsonb_to_record). */
const MEASURE_CELLS = [...new Set(MEASURES.flatMap((m) => m.cells))];
const CELL_RECORD = sql.join(MEASURE_CELLS.map((id) => sql`${sql.id(id)} float8`));
const measuredMeasures = MEASURES.filter((m) => m.key !== 'reports');

function measureSum(measure: Measure): RawBuilder<number> {
  return sql<number>`sum(${sql.join(
    measure.cells.map((id) => sql`coalesce(${sql.ref('f')}.${sql.id(id)}, 0)`),
    sql` + `,
  )})`;
}

/**
 * Rewrites the summary rows of the given years (all years when none are given) from the current
 * reports, in one transaction: each group's count of reports, the sums of core's MEASURES and
 * how many reports break each rule; and the stored outliers of those years and of each next
 * year, whose jumps and carry-overs pair it with the year before. The import calls it at the end
 * of each batch, the corpus service after an organ's reports move (with the years they are in).
 */
export async function refreshCorpusSummaries(db: Kysely<Database>, options: { years?: readonly number[] } = {}) {
  const years = options.years && options.years.length > 0 ? [...new Set(options.years)] : undefined;
  await db.transaction().execute(async (tx) => {
    // One refresh at a time: two batches ending together would each delete the rows the other has
    // not yet written and then both insert theirs.
    await sql`select pg_advisory_xact_lock(hashtext('corpus_summaries'))`.execute(tx);
    await refreshOutliers(tx, years ? [...new Set(years.flatMap((year) => [year, year + 1]))] : undefined);
    let remove = tx.deleteFrom('corpus_summaries');
    if (years) remove = remove.where('year', 'in', years);
    await remove.execute();
    const inYears = years ? sql`and r.year in (${sql.join(years)})` : sql``;
    const group = sql`r.year, coalesce(r.region_code, ''), coalesce(r.level, ''), r.kind`;
    await sql`
      insert into corpus_summaries (year, region_code, level, kind, reports, ${sql.join(measuredMeasures.map((m) => sql.id(m.key)))})
      select ${group}, count(*), ${sql.join(measuredMeasures.map(measureSum))}
      from corpus_reports r cross join lateral jsonb_to_record(r.figures) as f(${CELL_RECORD})
      where r.current ${inYears}
      group by ${group}`.execute(tx);
    await sql`
      update corpus_summaries s set rules = x.rules
      from (
        select year, region_code, level, kind, jsonb_object_agg(rule, n) as rules
        from (
          select r.year, coalesce(r.region_code, '') as region_code, coalesce(r.level, '') as level, r.kind, f.rule, count(*) as n
          from corpus_reports r cross join lateral (select distinct unnest(r.failed_rules) as rule) f
          where r.current ${inYears}
          group by 1, 2, 3, 4, 5
        ) counted
        group by 1, 2, 3, 4
      ) x
      where s.year = x.year and s.region_code = x.region_code and s.level = x.level and s.kind = x.kind`.execute(tx);
  });
}

/** The length of a region code one step below `region` (province → prefecture → county). */
export function childCodeLength(region: string | undefined): number {
  return region ? Math.min(region.length + 2, 6) : 2;
}

function groupKey(by: GroupBy, filter: CorpusFilter): RawBuilder<string> {
  switch (by) {
    case 'year':
      return sql<string>`year::text`;
    case 'region':
      return sql<string>`substr(region_code, 1, ${sql.lit(childCodeLength(filter.region))})`;
    case 'level':
      return sql<string>`level`;
    case 'kind':
      return sql<string>`kind`;
  }
}

function summaryWhere(filter: CorpusFilter): RawBuilder<unknown> {
  const parts = [sql`true`];
  if (filter.year !== undefined) parts.push(sql`year = ${filter.year}`);
  if (filter.region) parts.push(sql`region_code like ${`${filter.region}%`}`);
  if (filter.level) parts.push(sql`level = ${filter.level}`);
  if (filter.kind) parts.push(sql`kind = ${filter.kind}`);
  return sql.join(parts, sql` and `);
}

/** The sums of every measure and rule count, grouped by one dimension, from the summary table. */
export async function summarySums(db: Db, filter: CorpusFilter, by: GroupBy) {
  const key = groupKey(by, filter);
  const where = summaryWhere(filter);
  const sums = sql.join([
    sql`sum(reports)::float8 as ${sql.id('reports')}`,
    ...measuredMeasures.map((m) => sql`sum(${sql.id(m.key)}) as ${sql.id(m.key)}`),
  ]);
  const [measures, rules] = await Promise.all([
    sql<Record<string, number | string | null>>`
      select ${key} as key, ${sums} from corpus_summaries where ${where} group by 1`.execute(db),
    sql<{ key: string | null; rule: string; value: number }>`
      select ${key} as key, r.key as rule, sum(r.value::float8) as value
      from corpus_summaries, jsonb_each_text(rules) r where ${where} group by 1, 2`.execute(db),
  ]);
  const rows: { key: string | null; measure: string; value: number }[] = [];
  for (const row of measures.rows) {
    for (const m of MEASURES)
      rows.push({ key: row['key'] as string | null, measure: m.key, value: Number(row[m.key] ?? 0) });
  }
  for (const row of rules.rows) rows.push({ key: row.key, measure: `rule:${row.rule}`, value: Number(row.value) });
  return rows;
}

/** The years, region codes, levels and kinds the summary knows: the filters' choices. */
export async function summaryChoices(db: Db) {
  const distinct = <C extends 'year' | 'region_code' | 'level' | 'kind'>(column: C) =>
    db.selectFrom('corpus_summaries').select(column).distinct().orderBy(column).execute();
  const [years, regions, levels, kinds] = await Promise.all([
    distinct('year'),
    distinct('region_code'),
    distinct('level'),
    distinct('kind'),
  ]);
  return {
    years: years.map((r) => r.year).reverse(),
    regions: regions.map((r) => r.region_code),
    levels: levels.map((r) => r.level),
    kinds: kinds.map((r) => r.kind),
  };
}

/** The names of the summary table's columns: one a measure (checked against core's MEASURES). */
export async function summaryColumns(db: Db): Promise<string[]> {
  const { rows } = await sql<{ column_name: string }>`
    select column_name from information_schema.columns where table_name = 'corpus_summaries'`.execute(db);
  return rows.map((row) => row.column_name);
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

/** A page of the reports behind a figure, most of the measure first, and how many there are. */
export async function listReports(db: Db, query: ReportListQuery) {
  const measure = query.measure ? measureByKey(query.measure) : undefined;
  const value = measure ? measureSql(measure) : sql<number>`0::float8`;
  let q = currentReports(db, query);
  if (measure && measure.key !== 'reports') q = q.where(value as Expression<number>, '>', 0);
  if (query.rule) q = q.where(sql<SqlBool>`r.failed_rules @> array[${query.rule}]::text[]`);
  const [count, items] = await Promise.all([
    q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    q
      .select([
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
        value.as('value'),
      ])
      .orderBy(sql`value`, 'desc')
      .orderBy('r.year', 'desc')
      .orderBy('o.name')
      .orderBy('r.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
  ]);
  return {
    total: Number(count.n),
    items: items.map((row) => ({ ...row, id: String(row.id), value: Number(row.value) })),
  };
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
 * Those reports' cells added up in SQL, each cell that holds a number in any of them: a
 * province-year is thousands of reports, whose JSON fetched into Node took over a second at
 * 100,000 reports; the summary table holds only the measures, not every cell of the tables.
 */
export async function regionCellSums(db: Db, region: string, year: number, within: boolean) {
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
