import { sql, type Kysely } from 'kysely';

/**
 * Reminders (提醒) to each person, with the day they were mailed; the 政务公开办's 催办 to an organ
 * and the organ's answer; 转办 of an application from one organ to another; and each user's own
 * address for reminder mails.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('email', 'text').execute();

  await db.schema
    .createTable('urges')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('answered_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('urges_organ').on('urges').columns(['organ_id', 'id']).execute();

  await db.schema
    .createTable('transfers')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('from_application_id', 'integer', (c) => c.notNull().unique().references('applications.id'))
    .addColumn('to_application_id', 'integer', (c) => c.unique().references('applications.id'))
    .addColumn('from_organ_id', 'integer', (c) => c.notNull().references('organs.id'))
    .addColumn('to_organ_id', 'integer', (c) => c.references('organs.id'))
    .addColumn('to_organ_name', 'text', (c) => c.notNull())
    .addColumn('on', 'date', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('by', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
    .addColumn('urge_id', 'integer', (c) => c.references('urges.id'))
    .addColumn('due_on', 'date')
    // One reminder per user and fact (a kind, a case, its due date): the daily digest may run again.
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .addColumn('mailed_at', 'timestamptz')
    .addUniqueConstraint('notifications_once', ['user_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();
  await sql`create index notifications_unmailed on notifications (id) where mailed_at is null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
  await db.schema.dropTable('transfers').execute();
  await db.schema.dropTable('urges').execute();
  await db.schema.alterTable('users').dropColumn('email').execute();
}
