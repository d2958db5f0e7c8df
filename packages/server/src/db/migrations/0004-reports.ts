import { sql, type Kysely } from 'kysely';

/** Annual reports: the working draft, its frozen publications, and reports imported from files. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('annual_reports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('report', 'jsonb', (c) => c.notNull())
    .addColumn('findings', 'jsonb', (c) => c.notNull())
    // Which records each compiled cell came from, for drill-down from a number to its cases.
    .addColumn('sources', 'jsonb', (c) => c.notNull())
    .addColumn('compiled_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_on', 'date')
    .addColumn('late', 'boolean', (c) => c.notNull().defaultTo(false))
    .addUniqueConstraint('annual_reports_organ_year', ['organ_id', 'year'])
    .execute();

  await db.schema
    .createTable('report_publications')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('annual_reports.id'))
    .addColumn('report', 'jsonb', (c) => c.notNull())
    .addColumn('findings', 'jsonb', (c) => c.notNull())
    .addColumn('docx', 'bytea', (c) => c.notNull())
    .addColumn('pdf', 'bytea', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('published_on', 'date', (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('imported_reports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('report', 'jsonb', (c) => c.notNull())
    .addColumn('findings', 'jsonb', (c) => c.notNull())
    .addColumn('imported_by', 'integer', (c) => c.references('users.id'))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('imported_reports_organ').on('imported_reports').columns(['organ_id', 'year']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['imported_reports', 'report_publications', 'annual_reports']) {
    await db.schema.dropTable(table).execute();
  }
}
