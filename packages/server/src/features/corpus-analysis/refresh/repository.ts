import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/schema.js';

/**
 * The tables the corpus analysis rewrites from the corpus's reports, and what they were last
 * rewritten from (migration 0018), so that a refresh rewrites only the parts an import batch
 * changed (the cell sums of 0016 and 0017 keep their own parts: region-cells/repository.ts).
 */
export type RefreshedTable = 'corpus_summaries' | 'corpus_rollups' | 'corpus_outliers';

/** Empties `table`'s rows of the given years (all of them when none), before a refresh writes them again. */
export async function clearYears(db: Db, table: RefreshedTable, years: readonly number[] | undefined): Promise<void> {
  const where = years ? sql`where year in (${sql.join([...years])})` : sql``;
  await sql`delete from ${sql.table(table)} ${where}`.execute(db);
}

/** A summary row's group as one text: region code, level and kind ('' for none) joined by '|'. */
export const summaryPart = (region: RawBuilder<unknown>, level: RawBuilder<unknown>, kind: RawBuilder<unknown>) =>
  sql<string>`coalesce(${region}, '') || '|' || coalesce(${level}, '') || '|' || ${kind}`;
/** The organ whose years the outliers pair a report's organ with: the one it is merged into, or itself. */
export const organPart = (organ: string) =>
  sql<string>`coalesce(${sql.ref(`${organ}.merged_into`)}, ${sql.ref(`${organ}.id`)})::text`;

/**
 * Each part's fingerprint over the current reports of the years (all when none): the count, the
 * sum of the ids and the sum of a hash of everything of a report the three tables read but its
 * figures, which never change in place (a correction is a new version, a new id). The same
 * whatever order the rows come in; a collision would need two sets with equal count, id sum and
 * hash sum.
 */
function fingerprints(years: readonly number[] | undefined): RawBuilder<unknown> {
  const inYears = years ? sql`and r.year in (${sql.join(years)})` : sql``;
  const hash = sql`hashtext(concat_ws('|', r.id, r.organ_id, r.region_code, r.level, r.kind, r.format, r.failed_rules::text))::bigint`;
  // One pass over the reports for both kinds of part (grouping sets): 2.5 times as fast as two.
  return sql`
    select case when g = 0 then 'summary' else 'organ' end as kind, year,
      case when g = 0 then region || '|' || level || '|' || kind else organ::text end as part, reports
    from (
      select r.year, coalesce(r.region_code, '') as region, coalesce(r.level, '') as level, r.kind,
        coalesce(o.merged_into, o.id) as organ,
        grouping(coalesce(r.region_code, ''), coalesce(r.level, ''), r.kind) as g,
        count(*) || '/' || sum(r.id) || '/' || sum(${hash}) as reports
      from corpus_reports r join corpus_organs o on o.id = r.organ_id
      where r.current ${inYears}
      group by grouping sets (
        (r.year, coalesce(r.region_code, ''), coalesce(r.level, ''), r.kind),
        (r.year, coalesce(o.merged_into, o.id))
      )
    ) f`;
}

/** Which of the years have parts stored: the others are refreshed whole (and their parts written). */
export async function yearsWithParts(tx: Db, years: readonly number[]): Promise<number[]> {
  const { rows } = await sql<{ year: number }>`
    select distinct year from corpus_refresh_parts where year in (${sql.join(years)})`.execute(tx);
  return rows.map((row) => row.year);
}

/** Rewrites the parts of the years (all when none) as the reports stand, after a whole refresh of them. */
export async function writeParts(tx: Db, years: readonly number[] | undefined): Promise<void> {
  await sql`delete from corpus_refresh_parts ${years ? sql`where year in (${sql.join(years)})` : sql``}`.execute(tx);
  await sql`insert into corpus_refresh_parts (kind, year, part, reports) ${fingerprints(years)}`.execute(tx);
}

/**
 * Finds the parts of the years whose current reports are no longer those they were refreshed
 * from (new, changed or gone), into the transaction's table `refresh_changed` (kind, year, part),
 * and stores their new fingerprints. The refresh then rewrites only what those parts are in.
 */
export async function changedParts(tx: Db, years: readonly number[]): Promise<void> {
  await sql`
    create temp table if not exists refresh_changed (kind text, year integer, part text, reports text)
    on commit drop`.execute(tx);
  await sql`delete from refresh_changed`.execute(tx);
  await sql`
    insert into refresh_changed (kind, year, part, reports)
    select coalesce(n.kind, p.kind), coalesce(n.year, p.year), coalesce(n.part, p.part), n.reports
    from (${fingerprints(years)}) n
    full join (select * from corpus_refresh_parts where year in (${sql.join(years)})) p
      on p.kind = n.kind and p.year = n.year and p.part = n.part
    where n.reports is distinct from p.reports`.execute(tx);
  await sql`
    delete from corpus_refresh_parts p using refresh_changed c
    where p.kind = c.kind and p.year = c.year and p.part = c.part`.execute(tx);
  await sql`
    insert into corpus_refresh_parts (kind, year, part, reports)
    select kind, year, part, reports from refresh_changed where reports is not null`.execute(tx);
  await sql`analyze refresh_changed`.execute(tx);
}

/** Whether the summary group (year, region, level, kind) is among the changed parts. */
export const summaryChanged = (year: RawBuilder<unknown>, part: RawBuilder<string>) =>
  sql`exists (select 1 from refresh_changed x where x.kind = 'summary' and x.year = ${year} and x.part = ${part})`;

/** Whether the rollup group (year, province, level, kind) holds a changed summary part. */
export const rollupChanged = (
  year: RawBuilder<unknown>,
  province: RawBuilder<unknown>,
  level: RawBuilder<unknown>,
  kind: RawBuilder<unknown>,
) =>
  sql`exists (select 1 from refresh_changed x where x.kind = 'summary' and x.year = ${year}
    and substr(split_part(x.part, '|', 1), 1, 2) = ${province}
    and split_part(x.part, '|', 2) = ${level} and split_part(x.part, '|', 3) = ${kind})`;

/** Whether an organ's (merged) outliers of `year` pair it with a changed part: its year's or the year before's. */
export const organChanged = (year: RawBuilder<unknown>, part: RawBuilder<string>) =>
  sql`exists (select 1 from refresh_changed x where x.kind = 'organ' and x.part = ${part}
    and (x.year = ${year} or x.year + 1 = ${year}))`;
