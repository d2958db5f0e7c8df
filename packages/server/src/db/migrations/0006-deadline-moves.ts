import type { Kysely } from 'kysely';

/**
 * What a calendar change did to a case's deadline: the due date before, when and why it moved
 * (a year's holiday notice entered or corrected), so that the officer sees it on the case and in
 * the list. The audit log keeps every move; these columns hold the latest.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('applications')
    .addColumn('due_moved_from', 'date')
    .addColumn('due_moved_at', 'timestamptz')
    .addColumn('due_moved_reason', 'text')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('applications')
    .dropColumn('due_moved_from')
    .dropColumn('due_moved_at')
    .dropColumn('due_moved_reason')
    .execute();
}
