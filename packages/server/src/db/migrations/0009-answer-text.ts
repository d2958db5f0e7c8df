import type { Kysely } from 'kysely';

/**
 * The answer's own words and the reviewer's opinion. Before, 拟写答复 recorded only the outcome
 * and the 答复书 said no more than the template; now the officer writes what is provided, in
 * what form, with which attachments, and the reviewer's 审批意见 stands on the approval form.
 * These columns hold the latest draft and opinion, which the letter and the forms print; each
 * step's words stay on its event in the case's history too.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('applications')
    .addColumn('answer_body', 'text')
    .addColumn('answer_opinion', 'text')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applications').dropColumn('answer_body').dropColumn('answer_opinion').execute();
}
