import { MEASURES } from '@xxgk/core';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Db } from '../../../db/schema.js';
import type { CorpusFilter } from '../filter.js';
import { refreshOutliers } from '../outliers/repository.js';
import { refreshRegionCells } from '../region-cells/repository.js';
import {
  changedParts,
  clearYears,
  rollupChanged,
  summaryChanged,
  summaryPart,
  writeParts,
  yearsWithParts,
} from '../refresh/repository.js';

/**
 * The corpus's sums (issue 15): the summary table (migration 0013, year × region × level × kind)
 * and its rollup to provinces (migration 0015, year × province × level × kind), their refresh
 * (with the cell sums of 0016, region-cells/repository.ts), and the dashboard's figures and filter
 * choices read from whichever of the two is enough.
 */

export type GroupBy = 'year' | 'region' | 'level' | 'kind';

/** Every cell some measure adds up, read out of a report's JSON in one pass (jsonb_to_record). */
const MEASURE_CELLS = [...new Set(MEASURES.flatMap((m) => m.cells))];
const CELL_RECORD = sql.join(MEASURE_CELLS.map((id) => sql`${sql.id(id)} float8`));
const measuredMeasures = MEASURES.filter((m) => m.key !== 'reports');
const measureColumns = sql.join(measuredMeasures.map((m) => sql.id(m.key)));

function measureSum(measure: (typeof MEASURES)[number]): RawBuilder<number> {
  return sql<number>`sum(${sql.join(
    measure.cells.map((id) => sql`coalesce(${sql.ref('f')}.${sql.id(id)}, 0)`),
    sql` + `,
  )})`;
}

/**
 * Rewrites the corpus analysis's tables for the given years (all years when none are given) from
 * the current reports, in one transaction: the summary rows (each group's count of reports, the
 * sums of core's MEASURES and how many reports break each rule), the rollup rows from the summary
 * rows just written, the cell sums by province and prefecture, and the stored outliers of those
 * years and of each next year, whose jumps and carry-overs pair it with the year before.
 *
 * A year whose parts (migration 0018) are stored has only its changed parts rewritten: the
 * summary groups and organs whose current reports changed, their provinces' rollup rows and the
 * organs' outliers of that year and the next; the import calls this at the end of each batch.
 * `whole` rewrites the years entirely (and their parts), as a year with no parts yet is: the
 * corpus service after an organ's reports move, and the tests' oracle.
 */
export async function refreshCorpusSummaries(
  db: Kysely<Database>,
  options: { years?: readonly number[]; whole?: boolean } = {},
) {
  const years = options.years && options.years.length > 0 ? [...new Set(options.years)] : undefined;
  await db.transaction().execute(async (tx) => {
    // One refresh at a time: two batches ending together would each delete the rows the other has
    // not yet written and then both insert theirs.
    await sql`select pg_advisory_xact_lock(hashtext('corpus_summaries'))`.execute(tx);
    const partial = years && !options.whole ? await yearsWithParts(tx, years) : [];
    const whole = years?.filter((year) => !partial.includes(year));
    if (!whole || whole.length > 0) await refreshWhole(tx, whole);
    if (partial.length > 0) await refreshChanged(tx, partial);
    await refreshRegionCells(tx, years);
  });
}

/** Rewrites every summary, rollup and outlier row of the years (all when none) and their parts. */
async function refreshWhole(tx: Db, years: readonly number[] | undefined) {
  await refreshOutliers(tx, years ? [...new Set(years.flatMap((year) => [year, year + 1]))] : undefined);
  await clearYears(tx, 'corpus_summaries', years);
  await writeSummaries(tx, years ? sql`and r.year in (${sql.join(years)})` : sql``);
  await clearYears(tx, 'corpus_rollups', years);
  await writeRollups(tx, years ? sql`and s.year in (${sql.join(years)})` : sql``);
  await writeParts(tx, years);
}

/** Rewrites what the changed parts of the years are in (refresh/repository.ts). */
async function refreshChanged(tx: Db, years: readonly number[]) {
  await changedParts(tx, years);
  await refreshOutliers(tx, [...new Set(years.flatMap((year) => [year, year + 1]))], 'changed');
  const inYears = sql`r.year in (${sql.join(years)})`;
  const summaryOf = (a: string) =>
    summaryPart(sql.ref(`${a}.region_code`), sql.ref(`${a}.level`), sql.ref(`${a}.kind`));
  await sql`delete from corpus_summaries s where s.year in (${sql.join(years)}) and ${summaryChanged(sql.ref('s.year'), summaryOf('s'))}`.execute(
    tx,
  );
  await writeSummaries(tx, sql`and ${inYears} and ${summaryChanged(sql.ref('r.year'), summaryOf('r'))}`);
  const rollupOf = (a: string, province: RawBuilder<unknown>) =>
    rollupChanged(sql.ref(`${a}.year`), province, sql.ref(`${a}.level`), sql.ref(`${a}.kind`));
  await sql`delete from corpus_rollups u where u.year in (${sql.join(years)}) and ${rollupOf('u', sql.ref('u.province'))}`.execute(
    tx,
  );
  await writeRollups(
    tx,
    sql`and s.year in (${sql.join(years)}) and ${rollupOf('s', sql`substr(s.region_code, 1, 2)`)}`,
  );
}

/** Writes the summary rows of the current reports `r` meeting `scope` (`and …`), whose groups are empty. */
async function writeSummaries(tx: Db, scope: RawBuilder<unknown>) {
  const group = sql`r.year, coalesce(r.region_code, ''), coalesce(r.level, ''), r.kind`;
  await sql`
    insert into corpus_summaries (year, region_code, level, kind, reports, ${measureColumns})
    select ${group}, count(*), ${sql.join(measuredMeasures.map(measureSum))}
    from corpus_reports r cross join lateral jsonb_to_record(r.figures) as f(${CELL_RECORD})
    where r.current ${scope}
    group by ${group}`.execute(tx);
  await sql`
    update corpus_summaries s set rules = x.rules
    from (
      select year, region_code, level, kind, jsonb_object_agg(rule, n) as rules
      from (
        select r.year, coalesce(r.region_code, '') as region_code, coalesce(r.level, '') as level, r.kind, f.rule, count(*) as n
        from corpus_reports r cross join lateral (select distinct unnest(r.failed_rules) as rule) f
        where r.current ${scope}
        group by 1, 2, 3, 4, 5
      ) counted
      group by 1, 2, 3, 4
    ) x
    where s.year = x.year and s.region_code = x.region_code and s.level = x.level and s.kind = x.kind`.execute(tx);
}

/**
 * Writes the rollup rows of the summary rows `s` meeting `scope` (`and …`), whose groups are
 * empty: read from the summary table on this server, so foreign partitions cost nothing more here.
 */
async function writeRollups(tx: Db, scope: RawBuilder<unknown>) {
  const group = sql`s.year, substr(s.region_code, 1, 2), s.level, s.kind`;
  await sql`
    insert into corpus_rollups (year, province, level, kind, reports, ${measureColumns})
    select ${group}, sum(s.reports), ${sql.join(measuredMeasures.map((m) => sql`sum(s.${sql.id(m.key)})`))}
    from corpus_summaries s where true ${scope}
    group by ${group}`.execute(tx);
  await sql`
    update corpus_rollups u set rules = x.rules
    from (
      select year, province, level, kind, jsonb_object_agg(rule, n) as rules
      from (
        select s.year, substr(s.region_code, 1, 2) as province, s.level, s.kind, r.key as rule, sum(r.value::int) as n
        from corpus_summaries s cross join lateral jsonb_each_text(s.rules) r where true ${scope}
        group by 1, 2, 3, 4, 5
      ) counted
      group by 1, 2, 3, 4
    ) x
    where u.year = x.year and u.province = x.province and u.level = x.level and u.kind = x.kind`.execute(tx);
}

/** The length of a region code one step below `region` (province → prefecture → county). */
export function childCodeLength(region: string | undefined): number {
  return region ? Math.min(region.length + 2, 6) : 2;
}

/**
 * Where the sums for `filter` grouped `by` are read: the rollup when neither the filter nor the
 * grouping needs a place finer than a province (no region filter, or a province's, and grouped by
 * region only nationally, whose groups are provinces), else the summary table.
 */
function sumSource(filter: CorpusFilter, by?: GroupBy) {
  const province = !filter.region || filter.region.length === 2;
  const rollup = province && !(by === 'region' && filter.region);
  return rollup
    ? { table: sql.table('corpus_rollups'), region: sql.ref('province'), inRegion: (r: string) => sql`province = ${r}` }
    : {
        table: sql.table('corpus_summaries'),
        region: sql.ref('region_code'),
        inRegion: (r: string) => sql`region_code like ${`${r}%`}`,
      };
}

function groupKey(by: GroupBy, filter: CorpusFilter, region: RawBuilder<unknown>): RawBuilder<string> {
  switch (by) {
    case 'year':
      return sql<string>`year::text`;
    case 'region':
      return sql<string>`substr(${region}, 1, ${sql.lit(childCodeLength(filter.region))})`;
    case 'level':
      return sql<string>`level`;
    case 'kind':
      return sql<string>`kind`;
  }
}

function sumWhere(filter: CorpusFilter, source: ReturnType<typeof sumSource>): RawBuilder<unknown> {
  const parts = [sql`true`];
  if (filter.year !== undefined) parts.push(sql`year = ${filter.year}`);
  if (filter.region) parts.push(source.inRegion(filter.region));
  if (filter.level) parts.push(sql`level = ${filter.level}`);
  if (filter.kind) parts.push(sql`kind = ${filter.kind}`);
  return sql.join(parts, sql` and `);
}

/** The sums of every measure and rule count, grouped by one dimension. */
export async function summarySums(db: Db, filter: CorpusFilter, by: GroupBy) {
  const source = sumSource(filter, by);
  const key = groupKey(by, filter, source.region);
  const where = sumWhere(filter, source);
  const sums = sql.join([
    sql`sum(reports)::float8 as ${sql.id('reports')}`,
    ...measuredMeasures.map((m) => sql`sum(${sql.id(m.key)}) as ${sql.id(m.key)}`),
  ]);
  const [measures, rules] = await Promise.all([
    sql<Record<string, number | string | null>>`
      select ${key} as key, ${sums} from ${source.table} where ${where} group by 1`.execute(db),
    sql<{ key: string | null; rule: string; value: number }>`
      select ${key} as key, r.key as rule, sum(r.value::float8) as value
      from ${source.table}, jsonb_each_text(rules) r where ${where} group by 1, 2`.execute(db),
  ]);
  const rows: { key: string | null; measure: string; value: number }[] = [];
  for (const row of measures.rows) {
    for (const m of MEASURES)
      rows.push({ key: row['key'] as string | null, measure: m.key, value: Number(row[m.key] ?? 0) });
  }
  for (const row of rules.rows) rows.push({ key: row.key, measure: `rule:${row.rule}`, value: Number(row.value) });
  return rows;
}

/**
 * How many current reports match `filter` (and break `rule`, when given) in each year, latest
 * first, from the sums: what the reports behind a figure are paged by.
 */
export async function yearCounts(db: Db, filter: CorpusFilter, rule?: string) {
  const source = sumSource(filter);
  const count = rule ? sql`sum(coalesce((rules->>${rule})::int, 0))` : sql`sum(reports)`;
  const { rows } = await sql<{ year: number; n: string }>`
    select year, ${count} as n from ${source.table} where ${sumWhere(filter, source)}
    group by 1 order by 1 desc`.execute(db);
  return rows.map((row) => ({ year: row.year, count: Number(row.n) })).filter((row) => row.count > 0);
}

/**
 * The years, region codes, levels and kinds the summary knows: the filters' choices. The years,
 * levels and kinds from the rollup; the region codes by skipping along the summary's region index
 * (one probe a code, a few thousand) instead of reading its tens of thousands of rows.
 */
export async function summaryChoices(db: Db) {
  const distinct = <C extends 'year' | 'level' | 'kind'>(column: C) =>
    db.selectFrom('corpus_rollups').select(column).distinct().orderBy(column).execute();
  const [years, regions, levels, kinds] = await Promise.all([
    distinct('year'),
    sql<{ code: string }>`
      with recursive codes(code) as (
        (select region_code from corpus_summaries order by region_code using ~<~ limit 1)
        union all
        select (select s.region_code from corpus_summaries s where s.region_code ~>~ codes.code
                order by s.region_code using ~<~ limit 1)
        from codes where codes.code is not null
      )
      select code from codes where code is not null`.execute(db),
    distinct('level'),
    distinct('kind'),
  ]);
  return {
    years: years.map((r) => r.year).reverse(),
    regions: regions.rows.map((r) => r.code),
    levels: levels.map((r) => r.level),
    kinds: kinds.map((r) => r.kind),
  };
}

/** The names of a sum table's columns: one a measure (checked against core's MEASURES). */
export async function summaryColumns(db: Db, table: 'corpus_summaries' | 'corpus_rollups' = 'corpus_summaries') {
  const { rows } = await sql<{ column_name: string }>`
    select column_name from information_schema.columns where table_name = ${table}`.execute(db);
  return rows.map((row) => row.column_name);
}
