import { sql, type Kysely } from 'kysely';
import { MEASURE_COLUMNS } from './0013-corpus-summaries.js';

/**
 * The corpus summary rolled up to provinces (issue 15): one row for each year, province (the first
 * two digits of the region code, '' where there is none), level and kind, with the summary's
 * columns. At 100,000 reports the summary table has ~64,000 rows, nearly all of them a county's
 * one or two reports; the dashboard's figures with no place finer than a province (by year, level
 * or kind, nationally or in one province) and its filter choices added all of them up on every
 * call, 400–1,000 ms. The rollup has ~8,000 rows (18 years × 32 provinces × 7 levels × 2 kinds at
 * most, whatever the number of reports). `refreshCorpusSummaries` rewrites a year's rows from the
 * freshly written summary rows in the same transaction, so the two never disagree.
 *
 * The measure columns are the summary's as of migration 0013 (a new measure adds its column to
 * both tables): that migration's own list, which never changes with the code.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema
    .createTable('corpus_rollups')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reports', 'integer', (c) => c.notNull());
  for (const column of MEASURE_COLUMNS) {
    table = table.addColumn(column, 'double precision', (c) => c.notNull().defaultTo(0));
  }
  await table
    .addColumn('rules', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('corpus_rollups_pk', ['year', 'province', 'level', 'kind'])
    .execute();
  // Fill it from the summary as it stands, so that a database migrated with data reads the same.
  await sql`
    INSERT INTO corpus_rollups (year, province, level, kind, reports, ${sql.join(MEASURE_COLUMNS.map((c) => sql.id(c)))})
    SELECT year, substr(region_code, 1, 2), level, kind, sum(reports), ${sql.join(MEASURE_COLUMNS.map((c) => sql`sum(${sql.id(c)})`))}
    FROM corpus_summaries GROUP BY 1, 2, 3, 4`.execute(db);
  await sql`
    UPDATE corpus_rollups u SET rules = x.rules
    FROM (
      SELECT year, province, level, kind, jsonb_object_agg(rule, n) AS rules
      FROM (
        SELECT s.year, substr(s.region_code, 1, 2) AS province, s.level, s.kind, r.key AS rule, sum(r.value::int) AS n
        FROM corpus_summaries s, jsonb_each_text(s.rules) r GROUP BY 1, 2, 3, 4, 5
      ) counted
      GROUP BY 1, 2, 3, 4
    ) x
    WHERE u.year = x.year AND u.province = x.province AND u.level = x.level AND u.kind = x.kind`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('corpus_rollups').execute();
}
