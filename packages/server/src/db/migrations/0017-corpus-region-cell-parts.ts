import { sql, type Kysely } from 'kysely';

/**
 * The parts the stored 汇总 sums of 0016 are added up from, so that a refresh rewrites only the
 * places whose reports changed (issue 15): one row for each year and prefecture (the region
 * code's first four digits; a province's own organs under its two), with `reports`, a fingerprint
 * of the ids of its current reports, and `cells`, their cells' sums. Rewriting a whole year's
 * sums from every report's ~200 cells at the end of each import batch took 2.7 s of a year's
 * 3.4 s refresh at 100,000 reports; a batch changes the reports of a few places. A report's
 * figures never change (a correction is a new version, a new id), so a part whose set of current
 * report ids is the same has the same sums; one whose set changed (a new report or version, a
 * report moved to another organ) is summed again, and its province added up from its parts.
 *
 * Filled here from the reports as they stand, with the refresh's fingerprint (count, sum of ids
 * and sum of their hashes: the same whatever order the rows come in); were the two ever to differ,
 * every part would look changed and be summed again once, never wrongly kept.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('corpus_region_cell_parts')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('reports', 'text', (c) => c.notNull())
    .addColumn('cells', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('corpus_region_cell_parts_pk', ['year', 'part'])
    .execute();
  await sql`
    INSERT INTO corpus_region_cell_parts (year, part, reports, cells)
    SELECT p.year, p.part, p.reports, coalesce(s.cells, '{}'::jsonb)
    FROM (
      SELECT year, left(region_code, 4) AS part,
        count(*) || '/' || sum(id) || '/' || sum(hashint8(id)::bigint) AS reports
      FROM corpus_reports WHERE current AND length(region_code) >= 2
      GROUP BY 1, 2
    ) p
    LEFT JOIN (
      SELECT year, part, jsonb_object_agg(key, total) AS cells
      FROM (
        SELECT r.year, left(r.region_code, 4) AS part, e.key, sum(e.value::float8) AS total
        FROM corpus_reports r CROSS JOIN LATERAL jsonb_each(r.figures) e
        WHERE r.current AND length(r.region_code) >= 2 AND jsonb_typeof(e.value) = 'number'
        GROUP BY 1, 2, 3
      ) summed
      GROUP BY 1, 2
    ) s ON s.year = p.year AND s.part = p.part`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('corpus_region_cell_parts').execute();
}
