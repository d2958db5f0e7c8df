import { sql, type Kysely } from 'kysely';

/** The registers behind sections 二 and 四: documents, yearly figures, reconsideration and litigation. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'date', (c) => c.notNull())
    .addColumn('repealed_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('documents_organ').on('documents').columns(['organ_id', 'issued_on']).execute();

  await db.schema
    .createTable('year_figures')
    .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('figures', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('year_figures_pk', ['organ_id', 'year'])
    .execute();

  await db.schema
    .createTable('review_cases')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
    .addColumn('filed_on', 'date', (c) => c.notNull())
    .addColumn('concluded_on', 'date')
    .addColumn('result', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('review_cases_organ').on('review_cases').column('organ_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['review_cases', 'year_figures', 'documents']) await db.schema.dropTable(table).execute();
}
