import { sql, type Kysely } from 'kysely';

/**
 * The corpus analysis's outliers (issue 15), computed when the summary is refreshed instead of at
 * request time: one row an outlier, `type` saying which kind —
 *
 * - `jump`: a report whose new applications are ten times its organ's year before (core's JUMP);
 *   `magnitude` is the larger of the two, the list's order;
 * - `impossible`: a report breaking an error-severity rule of its own;
 * - `carryover`: a report whose 上年结转 or 现行有效 does not follow on from its organ's year before.
 *
 * `report_id` is the report (the later of a pair), `previous_id` the year before's, with the
 * report's year, place, level, kind and failed rules copied for the filters, and `details` the
 * figures the reason quotes. The organ's name is not copied: the import renames an organ when a
 * fuller spelling arrives, so the list joins `corpus_organs` for it.
 *
 * Joining an organ's consecutive years at request time cost 290 ms (p50) for one province at
 * 100,000 reports, and 16.8 times as long with two years on another server (docs/scale.md). The
 * table stays on this server, as the summary table does, refreshed through the foreign partitions.
 * `refreshCorpusSummaries` rewrites a year's rows with the next year's, the pair it is the first of.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('corpus_outliers')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('report_id', 'bigint', (c) => c.notNull())
    .addColumn('previous_id', 'bigint')
    .addColumn('organ_id', 'integer', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('level', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('failed_rules', sql`text[]`, (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull())
    .addColumn('magnitude', 'double precision')
    .execute();
  // The list's filters: a kind of outlier in a year, or under a region code prefix (LIKE '33%'
  // needs text_pattern_ops) and perhaps a year.
  await sql`CREATE INDEX corpus_outliers_year ON corpus_outliers (type, year)`.execute(db);
  await sql`CREATE INDEX corpus_outliers_region ON corpus_outliers (type, region_code text_pattern_ops, year)`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('corpus_outliers').execute();
}
