import { sql, type Kysely } from 'kysely';

/**
 * The national corpus (issue 15): published reports of any organ, read from files in bulk.
 *
 * - `corpus_organs`: one row an organ as the corpus knows it, keyed by core's `organIdentity` key
 *   (`region code|body`), with the place, level and kind read from its name. `merged_into` is the
 *   manual override: an organ the matcher kept apart that a person says is another.
 * - `corpus_organ_names`: every spelling seen and the organ it was matched to, with how sure the
 *   match is; a person may re-point a spelling (`source = 'manual'`).
 * - `corpus_batches`: one import run (a CLI call or an upload), with its counts, so a killed run
 *   can be resumed and its summary shown.
 * - `corpus_files`: every file once, by the SHA-256 of its bytes (the same file twice is one
 *   report), with its outcome (read / failed with reason / needs review).
 * - `corpus_reports`: each reading of an organ's year; a corrected file for the same organ and
 *   year is a new `version` and only the newest is `current`. The place, level and kind are copied
 *   from the organ so the analysis groups without a join.
 *
 * `corpus_reports` is partitioned by year so that years can live on other PostgreSQL servers as
 * postgres_fdw foreign partitions (docs/scale.md). That is why it has no primary key, unique
 * constraint or foreign key: PostgreSQL refuses them on a partitioned table with foreign
 * partitions. Uniqueness of (organ, year, version) is kept by the import service, which writes
 * under a per-organ advisory lock.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('corpus_organs')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('identity_key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('level', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('merged_into', 'integer', (c) => c.references('corpus_organs.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('corpus_organs_region').on('corpus_organs').column('region_code').execute();

  await db.schema
    .createTable('corpus_organ_names')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('organ_id', 'integer', (c) => c.notNull().references('corpus_organs.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('corpus_batches')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('started_by', 'integer', (c) => c.references('users.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('corpus_files')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('batch_id', 'integer', (c) => c.references('corpus_batches.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', 'bytea')
    // read | failed | review
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('corpus_files_batch').on('corpus_files').columns(['batch_id', 'status']).execute();

  await sql`
    CREATE TABLE corpus_reports (
      id bigserial NOT NULL,
      organ_id integer NOT NULL,
      year integer NOT NULL,
      version integer NOT NULL,
      current boolean NOT NULL,
      file_id integer NOT NULL,
      format text NOT NULL,
      region_code text,
      level text,
      kind text NOT NULL,
      figures jsonb NOT NULL,
      findings jsonb NOT NULL,
      failed_rules text[] NOT NULL,
      sources jsonb NOT NULL,
      meta jsonb NOT NULL,
      imported_at timestamptz NOT NULL DEFAULT now()
    ) PARTITION BY RANGE (year)`.execute(db);
  // One partition a year the national format has existed in and for the next decade, and a
  // default for anything else a file claims (a misread year stays stored and findable).
  for (let year = 2008; year <= 2036; year++) {
    await sql
      .raw(`CREATE TABLE corpus_reports_${year} PARTITION OF corpus_reports FOR VALUES FROM (${year}) TO (${year + 1})`)
      .execute(db);
  }
  await sql`CREATE TABLE corpus_reports_other PARTITION OF corpus_reports DEFAULT`.execute(db);
  await sql`CREATE INDEX corpus_reports_organ ON corpus_reports (organ_id, year, version)`.execute(db);
  await sql`CREATE INDEX corpus_reports_current ON corpus_reports (year, region_code) WHERE current`.execute(db);
  await sql`CREATE INDEX corpus_reports_file ON corpus_reports (file_id)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['corpus_reports', 'corpus_files', 'corpus_batches', 'corpus_organ_names', 'corpus_organs']) {
    await db.schema.dropTable(table).execute();
  }
}
