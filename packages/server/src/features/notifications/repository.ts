import { sql } from 'kysely';
import type { Role } from '@xxgk/core';
import type { Db } from '../../db/schema.js';
import { handlerOf } from '../applications/assignment/repository.js';

/** A reminder to put in someone's list; the same `dedupeKey` twice for one person is kept once. */
export interface NewNotification {
  readonly userId: number;
  readonly kind: string;
  readonly title: string;
  readonly applicationId?: number | null;
  readonly urgeId?: number | null;
  readonly dueOn?: string | null;
  readonly dedupeKey: string;
}

/** Inserts the reminders not given before; returns how many are new. */
export async function insertNotifications(db: Db, rows: readonly NewNotification[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('notifications')
    .values(
      rows.map((row) => ({
        user_id: row.userId,
        kind: row.kind,
        title: row.title,
        application_id: row.applicationId ?? null,
        urge_id: row.urgeId ?? null,
        due_on: row.dueOn ?? null,
        dedupe_key: row.dedupeKey,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning('id')
    .execute();
  return result.length;
}

/** The active people of an organ with one of `roles`, except `except`. */
export async function organPeople(db: Db, organId: number, roles: readonly Role[], except?: number | null) {
  let q = db
    .selectFrom('users')
    .select('id')
    .where('organ_id', '=', organId)
    .where('active', '=', true)
    .where('role', 'in', roles);
  if (except != null) q = q.where('id', '!=', except);
  return (await q.orderBy('id').execute()).map((row) => row.id);
}

/** Whether a person is an active one of the organ with one of `roles`. */
export async function isOrganPerson(db: Db, userId: number, organId: number, roles: readonly Role[]) {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('organ_id', '=', organId)
    .where('active', '=', true)
    .where('role', 'in', roles)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The open cases of every organ with what a deadline reminder needs: the stored state, and who
 * handles it (`handlerOf`: the 承办人 once assigned; until then the latest drafter of an answer,
 * else who registered it, as before assignment existed).
 */
export async function openCasesWithHandler(db: Db) {
  return db
    .selectFrom('applications as a')
    .select(['a.id', 'a.organ_id as organId', 'a.serial_no as serialNo', 'a.state', handlerOf.as('handlerId')])
    .where('a.status', '!=', 'closed')
    .orderBy('a.id')
    .execute();
}

export async function listNotifications(db: Db, userId: number, unreadOnly: boolean, limit: number, offset: number) {
  let q = db.selectFrom('notifications').where('user_id', '=', userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  const [items, total] = await Promise.all([
    q
      .select(['id', 'kind', 'title', 'application_id', 'urge_id', 'due_on', 'created_at', 'read_at'])
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function unreadCount(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<string>`count(*)`.as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the person's reminders read: the ones listed, or all. Returns how many changed. */
export async function markRead(db: Db, userId: number, ids: readonly number[] | 'all'): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    q = q.where('id', 'in', ids);
  }
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

/**
 * Marks read, for everyone, the unread reminders of `kinds` about a case: a decision answers the
 * 待审核 reminders of its draft, and a closed case has no deadline left to remind of.
 */
export async function settleReminders(db: Db, applicationId: number, kinds: readonly string[]): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('application_id', '=', applicationId)
    .where('kind', 'in', kinds)
    .where('read_at', 'is', null)
    .execute();
}

/** Reminders not mailed yet and still unread (a settled one is news no more), to people who gave an address. */
export async function unmailed(db: Db, limit: number) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['n.id', 'n.kind', 'n.title', 'n.due_on as dueOn', 'u.email'])
    .where('n.mailed_at', 'is', null)
    .where('n.read_at', 'is', null)
    .where('u.email', 'is not', null)
    .where('u.active', '=', true)
    .orderBy('n.id')
    .limit(limit)
    .$narrowType<{ email: string }>()
    .execute();
}

export async function markMailed(db: Db, id: number): Promise<void> {
  await db.updateTable('notifications').set({ mailed_at: new Date() }).where('id', '=', id).execute();
}

export async function setEmail(db: Db, userId: number, email: string | null): Promise<void> {
  await db.updateTable('users').set({ email }).where('id', '=', userId).execute();
}

export async function emailOf(db: Db, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
  return row?.email ?? null;
}
