import { sql, type Kysely } from 'kysely';

/**
 * The corpus analysis's summary (issue 15): for each year, place, level and kind of organ, the
 * sum of every measure of core's `MEASURES` (`measure` = its key) and the number of reports
 * breaking each rule (`measure` = `rule:<id>`), over the current versions only. One row a group
 * and measure, so a new measure needs no new column; `refreshCorpusSummaries` rewrites a year's
 * rows at the end of each import batch. The dashboard reads this table (a few thousand rows a
 * year) instead of adding up 100,000 reports' JSON.
 *
 * `region_code` and `level` are '' where the organ's name gave none, so they can be in the key.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('corpus_summaries')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('corpus_summaries_pk', ['year', 'measure', 'region_code', 'level', 'kind'])
    .execute();
  // Region filters are code prefixes (33, 3301, 330102): text_pattern_ops lets LIKE '33%' use it.
  await sql`CREATE INDEX corpus_summaries_region ON corpus_summaries (region_code text_pattern_ops, year)`.execute(db);
  // The drill-down lists and the outliers walk current reports of a region by prefix, and pairs of
  // an organ's consecutive years.
  await sql`CREATE INDEX corpus_reports_current_region ON corpus_reports (region_code text_pattern_ops, year) WHERE current`.execute(
    db,
  );
  await sql`CREATE INDEX corpus_reports_current_organ ON corpus_reports (organ_id, year) WHERE current`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX corpus_reports_current_organ`.execute(db);
  await sql`DROP INDEX corpus_reports_current_region`.execute(db);
  await db.schema.dropTable('corpus_summaries').execute();
}
