import { sql, type Kysely } from 'kysely';

/**
 * The cells of the corpus's current reports added up by year and region (issue 15): one row for
 * each year and province or prefecture (the first two or four digits of the region code) with
 * reports, `cells` holding each cell that is a number in any of them → its sum. A province's 汇总
 * added up every cell of every report of the province-year on each call (a few thousand reports ×
 * ~200 cells through `jsonb_each`): 200–450 ms at 100,000 reports, ~1 s when years are foreign
 * partitions. `refreshCorpusSummaries` rewrites a year's rows from its current reports in the
 * same transaction as the summary, so the two never disagree; a county's 汇总 (one or two reports
 * an organ) is still added up when asked.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('corpus_region_cells')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('cells', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('corpus_region_cells_pk', ['year', 'region'])
    .execute();
  // Fill it from the reports as they stand, so that a database migrated with data reads the same.
  await sql`
    INSERT INTO corpus_region_cells (year, region, cells)
    SELECT year, region, jsonb_object_agg(key, total)
    FROM (
      SELECT r.year, left(r.region_code, p.length) AS region, e.key, sum(e.value::float8) AS total
      FROM corpus_reports r
      CROSS JOIN (VALUES (2), (4)) p(length)
      CROSS JOIN LATERAL jsonb_each(r.figures) e
      WHERE r.current AND length(r.region_code) >= p.length AND jsonb_typeof(e.value) = 'number'
      GROUP BY 1, 2, 3
    ) summed
    GROUP BY 1, 2`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('corpus_region_cells').execute();
}
