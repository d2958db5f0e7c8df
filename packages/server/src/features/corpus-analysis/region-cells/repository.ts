import { ALL_CELL_IDS } from '@xxgk/core';
import { sql } from 'kysely';
import type { Db } from '../../../db/schema.js';
import { clearYears } from '../refresh/repository.js';

/**
 * The cells of a year's current reports added up by province and by prefecture (migration 0016),
 * what a government's 汇总 of everything within it reads: a county's is one or two reports an
 * organ and is added up when asked.
 */

/** The lengths of the region codes whose 汇总 sums are stored (as the refresh below sums them). */
const STORED_LENGTHS = [2, 4];

/** Whether the 汇总 of `code` (with everything within it or not) is read from the stored sums. */
export function storesRegionCells(code: string, within: boolean): boolean {
  return within && STORED_LENGTHS.includes(code.length);
}

/** Every cell of either format, read out of a report's JSON in one pass as a typed record. */
const CELL_RECORD = sql.join(ALL_CELL_IDS.map((id) => sql`${sql.id(id)} float8`));
/** The sum of each cell column of `alias`, named by the cell's id (null where no row has a number). */
const cellSums = (alias: string) =>
  sql.join(ALL_CELL_IDS.map((id) => sql`sum(${sql.ref(alias)}.${sql.id(id)}) as ${sql.id(id)}`));

/**
 * Rewrites the stored sums of the given years (all when none) from the current reports: each cell
 * that is a number in any report of the place and year, summed as the 汇总 sums them when asked.
 */
export async function refreshRegionCells(tx: Db, years: readonly number[] | undefined) {
  await clearYears(tx, 'corpus_region_cells', years);
  const inYears = years ? sql`and r.year in (${sql.join(years)})` : sql``;
  // Each report's cells as one typed record (a column a cell of core's catalogue), summed column
  // by column: a row a report, where unnesting every cell (jsonb_each) made ~200 rows a report to
  // group by cell, 4× the time. Summed by prefecture first (a province's own organs under its two
  // digits), then the prefectures' sums by province. A column no report has a number in sums to
  // null, which jsonb_strip_nulls leaves out, as a place none of whose reports has a table
  // (before the national format) has no row.
  await sql`
    insert into corpus_region_cells (year, region, cells)
    with prefectures as (
      select r.year, left(r.region_code, 4) as region, ${cellSums('f')}
      from corpus_reports r cross join lateral jsonb_to_record(r.figures) as f(${CELL_RECORD})
      where r.current ${inYears} and length(r.region_code) >= 2 and r.figures <> '{}'::jsonb
      group by 1, 2
    ), summed as (
      select * from prefectures where length(region) = 4
      union all
      select p.year, left(p.region, 2), ${cellSums('p')} from prefectures p group by 1, 2
    )
    select year, region, cells
    from (select s.year, s.region, jsonb_strip_nulls(to_jsonb(s) - 'year' - 'region') as cells from summed s) summed
    where cells <> '{}'::jsonb`.execute(tx);
}

/** The stored sums of `region`'s reports of `year` (none when it has no report that year). */
export async function storedRegionCells(db: Db, region: string, year: number): Promise<Record<string, number>> {
  const row = await db
    .selectFrom('corpus_region_cells')
    .where('year', '=', year)
    .where('region', '=', region)
    .select('cells')
    .executeTakeFirst();
  return row?.cells ?? {};
}
