import { sql, type Kysely } from 'kysely';

/**
 * The officer a case is assigned to (承办人): null until a reviewer or the organ's administrator
 * assigns it. The partial index serves "我承办的" and the per-officer counts of open cases.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('applications')
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
    .execute();
  await sql`create index applications_assignee on applications (assignee_id, due_on) where assignee_id is not null`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index applications_assignee`.execute(db);
  await db.schema.alterTable('applications').dropColumn('assignee_id').execute();
}
