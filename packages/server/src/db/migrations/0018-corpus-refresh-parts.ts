import { type Kysely } from 'kysely';

/**
 * What the summary, rollup and outlier tables were last refreshed from (issue 15), so that the
 * refresh at the end of an import batch rewrites only what the batch changed instead of a whole
 * year: one row for each year and part, `kind` saying which — `summary`, a summary row's group
 * (region code, level and kind joined by '|'), or `organ`, an organ with the organs merged into it
 * (the outliers pair an organ's consecutive years) — and `reports`, a fingerprint of its current
 * reports (their ids, organs, places, levels, kinds, formats and failed rules; a report's figures
 * never change in place). A part whose fingerprint changed is refreshed, and with it its
 * province's rollup rows and, for an organ, its outliers of that year and the next.
 *
 * Left empty here: a year with no parts yet is refreshed whole once, which writes its parts.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('corpus_refresh_parts')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('reports', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('corpus_refresh_parts_pk', ['year', 'kind', 'part'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('corpus_refresh_parts').execute();
}
