import type { Kysely } from 'kysely';

/**
 * The SHA-256 of an imported file's bytes, so that the same file imported twice is recognised and
 * the person asked (replace the earlier import, or keep both). Null for imports saved before.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('imported_reports').addColumn('content_sha256', 'text').execute();
  await db.schema
    .createIndex('imported_reports_content')
    .on('imported_reports')
    .columns(['organ_id', 'content_sha256'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('imported_reports_content').execute();
  await db.schema.alterTable('imported_reports').dropColumn('content_sha256').execute();
}
