import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';

export async function insertUrge(
  db: Db,
  urge: { organId: number; reason: string; year: number | null; message: string; sentBy: number },
) {
  return db
    .insertInto('urges')
    .values({
      organ_id: urge.organId,
      reason: urge.reason,
      year: urge.year,
      message: urge.message,
      sent_by: urge.sentBy,
    })
    .returning(['id', 'sent_at'])
    .executeTakeFirstOrThrow();
}

function urgesWithNames(db: Db) {
  return db
    .selectFrom('urges as g')
    .innerJoin('organs as o', 'o.id', 'g.organ_id')
    .innerJoin('users as s', 's.id', 'g.sent_by')
    .innerJoin('organs as so', 'so.id', 's.organ_id')
    .leftJoin('users as a', 'a.id', 'g.answered_by')
    .select([
      'g.id',
      'g.organ_id as organId',
      'o.name as organName',
      'o.path as organPath',
      'g.reason',
      'g.year',
      'g.message',
      's.display_name as sentByName',
      'so.name as sentByOrgan',
      'g.sent_at as sentAt',
      'g.answer',
      'a.display_name as answeredByName',
      'g.answered_at as answeredAt',
    ]);
}

export async function findUrge(db: Db, id: number, forUpdate = false) {
  const q = urgesWithNames(db).where('g.id', '=', id);
  return (forUpdate ? q.forUpdate('g') : q).executeTakeFirst();
}

/** The 催办 to one organ, or to every organ under a government's path; newest first. */
export async function listUrges(db: Db, where: { organId?: number; path?: string }, limit: number, offset: number) {
  let q = urgesWithNames(db);
  if (where.organId !== undefined) q = q.where('g.organ_id', '=', where.organId);
  if (where.path !== undefined) q = q.where('o.path', 'like', `${where.path}%`);
  const [items, total] = await Promise.all([
    q.orderBy('g.id', 'desc').limit(limit).offset(offset).execute(),
    q
      .clearSelect()
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Records the organ's answer once; false when it was answered already. */
export async function answerUrge(db: Db, id: number, answer: string, by: number): Promise<boolean> {
  const result = await db
    .updateTable('urges')
    .set({ answer, answered_by: by, answered_at: new Date() })
    .where('id', '=', id)
    .where('answer', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Open cases of the organ past their stored due date. */
export async function overdueCaseCount(db: Db, organId: number, today: string): Promise<number> {
  const row = await db
    .selectFrom('applications')
    .select(sql<string>`count(*)`.as('n'))
    .where('organ_id', '=', organId)
    .where('status', '!=', 'closed')
    .where('due_on', '<', today)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the organ's annual report of the year is published (late or not). */
export async function reportPublished(db: Db, organId: number, year: number): Promise<boolean> {
  const row = await db
    .selectFrom('annual_reports')
    .select('status')
    .where('organ_id', '=', organId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row?.status === 'published';
}
