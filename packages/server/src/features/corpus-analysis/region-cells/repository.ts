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

/**
 * Rewrites the stored sums of the given years (all when none) from the current reports: each cell
 * that is a number in any report of the place and year, summed as the 汇总 sums them when asked.
 */
export async function refreshRegionCells(tx: Db, years: readonly number[] | undefined) {
  await clearYears(tx, 'corpus_region_cells', years);
  const inYears = years ? sql`and r.year in (${sql.join(years)})` : sql``;
  // Summed by prefecture first (a province's own organs under its two digits), then the
  // prefectures' sums by province: half the work of grouping every cell of every report twice.
  await sql`
    insert into corpus_region_cells (year, region, cells)
    with prefectures as (
      select r.year, left(r.region_code, 4) as region, e.key, sum(e.value::float8) as total
      from corpus_reports r cross join lateral jsonb_each(r.figures) e
      where r.current ${inYears} and length(r.region_code) >= 2 and jsonb_typeof(e.value) = 'number'
      group by 1, 2, 3
    ), summed as (
      select year, region, key, total from prefectures where length(region) = 4
      union all
      select year, left(region, 2), key, sum(total) from prefectures group by 1, 2, 3
    )
    select year, region, jsonb_object_agg(key, total) from summed
    group by 1, 2`.execute(tx);
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
