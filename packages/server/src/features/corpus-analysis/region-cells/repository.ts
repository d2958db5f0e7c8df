import { ALL_CELL_IDS } from '@xxgk/core';
import { sql } from 'kysely';
import type { Db } from '../../../db/schema.js';

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
/** The sum of each cell column of `f`, named by the cell's id (null where no row has a number). */
const CELL_SUMS = sql.join(ALL_CELL_IDS.map((id) => sql`sum(f.${sql.id(id)}) as ${sql.id(id)}`));
/** A row of CELL_SUMS as JSON (its other columns left out): a column no row had a number in is left out too. */
const cellsOf = (row: string, ...others: string[]) =>
  sql`jsonb_strip_nulls(to_jsonb(${sql.ref(row)})${sql.join(
    others.map((o) => sql` - ${sql.lit(o)}`),
    sql``,
  )})`;
/**
 * Which current reports a part summed: the same set of ids gives the same fingerprint whatever
 * order the rows come in (no ordered aggregate, which would sort every report's cells).
 */
const FINGERPRINT = sql<string>`count(*) || '/' || sum(r.id) || '/' || sum(hashint8(r.id)::bigint)`;
/** A report's part: its prefecture, or its province's two digits for a province's own organs. */
const PART = sql<string>`left(r.region_code, 4)`;

/**
 * The parts (0017) of the given years (all when none) whose current reports are no longer those
 * they were summed from, or that have no sums yet, or no reports now. This holds because a
 * report's figures never change in place (a correction is a new version, a new row): anything
 * that ever updates `figures` must empty the parts of its years.
 */
async function staleParts(tx: Db, years: readonly number[] | undefined) {
  const inYears = years ? sql`and r.year in (${sql.join(years)})` : sql``;
  const storedYears = years ? sql`where year in (${sql.join(years)})` : sql``;
  const { rows } = await sql<{ year: number; part: string }>`
    select coalesce(n.year, p.year) as year, coalesce(n.part, p.part) as part
    from (
      select r.year, ${PART} as part, ${FINGERPRINT} as reports
      from corpus_reports r where r.current ${inYears} and length(r.region_code) >= 2
      group by 1, 2
    ) n
    full join (select year, part, reports from corpus_region_cell_parts ${storedYears}) p
      on p.year = n.year and p.part = n.part
    where n.reports is distinct from p.reports`.execute(tx);
  const byYear = new Map<number, string[]>();
  for (const row of rows) byYear.set(row.year, [...(byYear.get(row.year) ?? []), row.part]);
  return byYear;
}

/**
 * Brings the stored sums of the given years (all when none) up to date with the current reports:
 * each cell that is a number in any report of the place and year, summed as the 汇总 sums them
 * when asked. Only the parts whose reports changed are summed again from the reports, and the
 * prefectures and provinces they are in added up again from the parts.
 */
export async function refreshRegionCells(tx: Db, years: readonly number[] | undefined) {
  for (const [year, parts] of await staleParts(tx, years)) {
    await sql`delete from corpus_region_cell_parts where year = ${year} and part = any(${parts}::text[])`.execute(tx);
    // Each report's cells as one typed record (a column a cell of core's catalogue), summed column
    // by column: unnesting every cell (jsonb_each) made ~200 rows a report to group by cell, 4×
    // the time. Reports without a table (before the national format) are only counted in the
    // fingerprint. The conditions are plain ones, so a foreign partition sends only these rows.
    const changed = sql`r.current and r.year = ${year} and length(r.region_code) >= 2 and ${PART} = any(${parts}::text[])`;
    await sql`
      insert into corpus_region_cell_parts (year, part, reports, cells)
      select n.year, n.part, n.reports, coalesce(${cellsOf('s', 'year', 'part')}, '{}'::jsonb)
      from (select r.year, ${PART} as part, ${FINGERPRINT} as reports from corpus_reports r where ${changed} group by 1, 2) n
      left join (
        select r.year, ${PART} as part, ${CELL_SUMS}
        from corpus_reports r cross join lateral jsonb_to_record(r.figures) as f(${CELL_RECORD})
        where ${changed} and r.figures <> '{}'::jsonb
        group by 1, 2
      ) s on s.year = n.year and s.part = n.part`.execute(tx);
    await sumPlaces(tx, year, parts);
  }
}

/**
 * Rewrites the stored sums of the prefectures and provinces the changed parts are in from the
 * parts: a prefecture's are its part's, a province's its parts' added up (its own organs' too).
 */
async function sumPlaces(tx: Db, year: number, parts: readonly string[]) {
  const provinces = [...new Set(parts.map((part) => part.slice(0, 2)))];
  const regions = [...parts.filter((part) => part.length === 4), ...provinces];
  await sql`delete from corpus_region_cells where year = ${year} and region = any(${regions}::text[])`.execute(tx);
  await sql`
    insert into corpus_region_cells (year, region, cells)
    select year, region, cells from (
      select p.year, p.part as region, p.cells from corpus_region_cell_parts p
      where p.year = ${year} and length(p.part) = 4 and p.part = any(${parts}::text[])
      union all
      select s.year, s.region, ${cellsOf('s', 'year', 'region')}
      from (
        select p.year, left(p.part, 2) as region, ${CELL_SUMS}
        from corpus_region_cell_parts p cross join lateral jsonb_to_record(p.cells) as f(${CELL_RECORD})
        where p.year = ${year} and left(p.part, 2) = any(${provinces}::text[])
        group by 1, 2
      ) s
    ) places
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
