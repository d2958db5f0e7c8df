import { sql, type ExpressionBuilder } from 'kysely';
import type { Database, Db } from '../../../db/schema.js';

/*
 * SQL of the 承办人 (assignee) of a case, the one place that says who handles a case. Kept beside
 * the applications' repository and read by the reminders and the workload figures too.
 */

/**
 * Who handles a case: its assignee (承办人) when one was assigned; before assignment existed (and
 * while a case is unassigned) the latest drafter of an answer, else who registered it. `a` is the
 * alias of `applications` in the caller's query.
 */
export const handlerOf = sql<number | null>`coalesce(a.assignee_id, (select e.actor_id from application_events e
  where e.application_id = a.id and e.type = 'draftAnswer' order by e.id desc limit 1), a.created_by)`;

/** The assignee's name beside a row of `applications` (unaliased), null when unassigned. */
export function assigneeName(eb: ExpressionBuilder<Database, 'applications'>) {
  return eb
    .selectFrom('users')
    .select('users.display_name')
    .whereRef('users.id', '=', 'applications.assignee_id')
    .as('assignee_name');
}

/** The active officers of an organ, who may be assigned its cases, by name. */
export async function organOfficers(db: Db, organId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name as name'])
    .where('organ_id', '=', organId)
    .where('role', '=', 'officer')
    .where('active', '=', true)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
}

export async function userName(db: Db, id: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirst();
  return row?.display_name ?? null;
}

/** The case, locked, with what an assignment checks. */
export async function caseToAssign(db: Db, id: number) {
  return db
    .selectFrom('applications')
    .select(['id', 'organ_id', 'serial_no', 'status', 'due_on', 'assignee_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Sets the assignee. The case's version is left alone: an assignment changes who works the case,
 * not the case, so an officer's open form is not made stale by it.
 */
export async function setAssignee(db: Db, id: number, assigneeId: number): Promise<void> {
  await db.updateTable('applications').set({ assignee_id: assigneeId }).where('id', '=', id).execute();
}
