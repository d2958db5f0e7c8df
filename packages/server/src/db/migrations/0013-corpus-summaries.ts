import { sql, type Kysely } from 'kysely';

/**
 * The corpus analysis's summary (issue 15): one row for each year, place, level and kind of organ,
 * with the sum of each of core's MEASURES over its current reports (a column a measure, named by
 * the measure's key) and `rules`, the number of those reports breaking each rule (rule id → count).
 * `refreshCorpusSummaries` rewrites a year's rows at the end of each import batch; the dashboard
 * adds up these rows (tens of thousands at national scale) instead of 100,000 reports' JSON.
 *
 * A row a group with a column a measure, not a row a measure: at 100,000 reports the groups
 * number ~30,000, and one row a measure would make the dashboard add up over a million rows.
 * The columns are the measures as they were when this was written; a new measure of core needs a
 * migration adding its column (the corpus analysis test checks that every measure has one).
 *
 * `region_code` and `level` are '' where the organ's name gave none, so they can be in the key.
 */
export const MEASURE_COLUMNS = [
  'applications',
  'carriedIn',
  'handled',
  'granted',
  'partial',
  'denied',
  'unable',
  'rejected',
  'other',
  'denied.secret',
  'denied.prohibited',
  'denied.safety',
  'denied.thirdParty',
  'denied.internal',
  'denied.process',
  'denied.enforcementFile',
  'denied.query',
  'unable.notHeld',
  'unable.needsCreation',
  'unable.unclear',
  'rejected.petition',
  'rejected.duplicate',
  'rejected.publication',
  'rejected.excessive',
  'rejected.confirm',
  'review',
  'reviewCorrected',
  'suit',
  'suitCorrected',
  'fees',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema
    .createTable('corpus_summaries')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reports', 'integer', (c) => c.notNull());
  for (const column of MEASURE_COLUMNS) {
    table = table.addColumn(column, 'double precision', (c) => c.notNull().defaultTo(0));
  }
  await table
    .addColumn('rules', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('corpus_summaries_pk', ['year', 'region_code', 'level', 'kind'])
    .execute();
  // Region filters are code prefixes (33, 3301, 330102): text_pattern_ops lets LIKE '33%' use it.
  await sql`CREATE INDEX corpus_summaries_region ON corpus_summaries (region_code text_pattern_ops, year)`.execute(db);
  // The drill-down lists and the outliers walk current reports of a region by prefix, and pairs of
  // an organ's consecutive years.
  await sql`CREATE INDEX corpus_reports_current_region ON corpus_reports (region_code text_pattern_ops, year) WHERE current`.execute(
    db,
  );
  await sql`CREATE INDEX corpus_reports_current_organ ON corpus_reports (organ_id, year) WHERE current`.execute(db);
  // The reports breaking a rule (the rule chart's drill-down, the error-rule outliers).
  await sql`CREATE INDEX corpus_reports_failed_rules ON corpus_reports USING gin (failed_rules) WHERE current`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX corpus_reports_failed_rules`.execute(db);
  await sql`DROP INDEX corpus_reports_current_organ`.execute(db);
  await sql`DROP INDEX corpus_reports_current_region`.execute(db);
  await db.schema.dropTable('corpus_summaries').execute();
}
