import { sql, type Kysely } from 'kysely';

/**
 * The audit log refuses TRUNCATE too (0001's row trigger covers UPDATE and DELETE only, and a
 * TRUNCATE fires no row trigger); and an organ with a single officer may allow the one who drafted
 * an answer or asked for an extension to approve it, which is then marked on the case.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute procedure audit_log_append_only()`.execute(db);
  await db.schema
    .alterTable('organs')
    .addColumn('allow_self_approval', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organs').dropColumn('allow_self_approval').execute();
  await sql`drop trigger audit_log_no_truncate on audit_log`.execute(db);
}
