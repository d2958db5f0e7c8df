import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { PAUSED_STATUSES, type CaseActionType, type CaseState, type CaseStatus } from '@xxgk/core';
import { batchesOf } from '../../db/batches.js';
import { containsPattern } from '../../db/like.js';
import type { ApplicationRow, ApplicationUpdate, Database, Db, NewApplication } from '../../db/schema.js';
import { json } from '../../db/schema.js';
import { assigneeName } from './assignment/repository.js';
import { SUMMARY_COLUMNS } from './views.js';

export async function insertApplication(db: Db, row: NewApplication): Promise<ApplicationRow> {
  return db.insertInto('applications').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findApplication(db: Db, id: number, forUpdate = false): Promise<ApplicationRow | undefined> {
  const query = db.selectFrom('applications').selectAll().where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export async function findByQueryCode(db: Db, code: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('query_code', '=', code).executeTakeFirst();
}

/** Updates a case only if nobody changed it since `version` was read; false when someone did. */
export async function updateApplication(db: Db, id: number, version: number, set: ApplicationUpdate): Promise<boolean> {
  const result = await db
    .updateTable('applications')
    .set({ ...set, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The next number in the organ's register of applications for the year (〔2026〕…第N号). */
export async function nextSerialNumber(db: Db, organId: number, year: number): Promise<number> {
  // Serialises intakes of one organ: the organ's row is the lock, so two intakes never share a number.
  await db.selectFrom('organs').select('id').where('id', '=', organId).forUpdate().execute();
  const row = await db
    .selectFrom('applications')
    .select(sql<number>`count(*)`.as('n'))
    .where('organ_id', '=', organId)
    .where(sql`extract(year from received_on)`, '=', year)
    .executeTakeFirstOrThrow();
  return Number(row.n) + 1;
}

export async function insertEvent(
  db: Db,
  event: { applicationId: number; type: string; on: string; actorId: number | null; data: unknown },
): Promise<void> {
  await db
    .insertInto('application_events')
    .values({
      application_id: event.applicationId,
      type: event.type,
      on: event.on,
      actor_id: event.actorId,
      data: json(event.data),
    })
    .execute();
}

export async function listEvents(db: Db, applicationId: number) {
  return (
    db
      .selectFrom('application_events')
      .leftJoin('users', 'users.id', 'application_events.actor_id')
      .select([
        'application_events.id',
        'application_events.type',
        'application_events.on',
        'application_events.data',
        'application_events.at',
        'users.display_name as actorName',
      ])
      .where('application_id', '=', applicationId)
      .orderBy('application_events.id')
      // The columns hold what insertEvent wrote: 'intake' or an action's type, and an object of its fields.
      .$narrowType<{ type: 'intake' | CaseActionType; data: Record<string, unknown> | null }>()
      .execute()
  );
}

/**
 * The dashboard's counts, each also a filter of the list, so that a count and the list it opens
 * agree by construction: both read `queueFilter`.
 */
export const CASE_QUEUES = ['open', 'dueSoon', 'overdue', 'awaitingReview', 'paused', 'noDueDate'] as const;
export type CaseQueue = (typeof CASE_QUEUES)[number];

/** The days the queues are read against: due dates are stored, so no case's periods are replayed. */
export interface DueWindow {
  readonly today: string;
  /** The first day after the “due soon” window; null when the calendar ends within it. */
  readonly soonEnds: string | null;
}

type ApplicationsWhere = ExpressionBuilder<Database, 'applications'>;

/** A case whose 延期 request waits for the reviewer (neither approved nor rejected). */
const pendingExtension = sql<SqlBool>`state -> 'extension' is not null
  and state -> 'extension' ->> 'approvedOn' is null
  and state -> 'extension' ->> 'rejectedOn' is null`;

/** The cases a queue holds: open ones, by stored due date and status (as `caseDeadline` reads them). */
export function queueFilter(queue: CaseQueue, window: DueWindow) {
  return (eb: ApplicationsWhere): Expression<SqlBool> => {
    const open = eb('status', '!=', 'closed');
    switch (queue) {
      case 'open':
        return open;
      case 'overdue':
        return eb.and([open, eb('due_on', '<', window.today)]);
      case 'dueSoon':
        return eb.and([
          open,
          eb('due_on', '>=', window.today),
          ...(window.soonEnds ? [eb('due_on', '<', window.soonEnds)] : []),
        ]);
      case 'awaitingReview':
        return eb.and([open, eb.or([eb('status', '=', 'answerPending'), pendingExtension])]);
      case 'paused':
        return eb('status', 'in', PAUSED_STATUSES);
      case 'noDueDate':
        // The clock runs, yet no due date is stored: the calendar lacked a year the period reaches.
        return eb.and([eb('status', 'not in', ['closed', ...PAUSED_STATUSES]), eb('due_on', 'is', null)]);
    }
  };
}

/** How many of the organ's cases each queue holds, and how many were received and closed since `yearStart`. */
export async function countQueues(db: Db, organId: number, window: DueWindow, yearStart: string) {
  const row = await db
    .selectFrom('applications')
    .select((eb) => [
      ...CASE_QUEUES.map((queue) => eb.fn.countAll<string>().filterWhere(queueFilter(queue, window)).as(queue)),
      eb.fn.countAll<string>().filterWhere('received_on', '>=', yearStart).as('receivedThisYear'),
      eb.fn.countAll<string>().filterWhere('closed_on', '>=', yearStart).as('closedThisYear'),
    ])
    .where('organ_id', '=', organId)
    .executeTakeFirstOrThrow();
  const counts = Object.fromEntries(CASE_QUEUES.map((queue) => [queue, Number(row[queue])]));
  return {
    queues: counts as Record<CaseQueue, number>,
    received: Number(row.receivedThisYear),
    closed: Number(row.closedThisYear),
  };
}

export interface ListQuery {
  readonly organId: number;
  readonly status?: CaseStatus;
  readonly open?: boolean;
  readonly year?: number;
  readonly search?: string;
  /** The cases chosen in the list (批量打印、导出). */
  readonly ids?: readonly number[];
  readonly dueBy?: string;
  /** The cases of one 承办人, or (null) those not assigned yet. */
  readonly assigneeId?: number | null;
  /** With the window it is read against. */
  readonly queue?: { readonly name: CaseQueue; readonly window: DueWindow };
  readonly limit: number;
  readonly offset: number;
}

export async function listApplications(db: Db, query: ListQuery) {
  let q = db.selectFrom('applications').where('organ_id', '=', query.organId);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.open === true) q = q.where('status', '!=', 'closed');
  if (query.open === false) q = q.where('status', '=', 'closed');
  if (query.year) q = q.where(sql`extract(year from received_on)`, '=', query.year);
  if (query.dueBy) q = q.where('due_on', '<=', query.dueBy);
  if (query.ids) q = q.where('id', 'in', query.ids.length ? [...query.ids] : [-1]);
  if (query.queue) q = q.where(queueFilter(query.queue.name, query.queue.window));
  if (query.assigneeId !== undefined)
    q = q.where('assignee_id', query.assigneeId === null ? 'is' : '=', query.assigneeId);
  if (query.search) {
    const like = containsPattern(query.search);
    q = q.where((eb) =>
      eb.or([eb('serial_no', 'like', like), eb('request', 'like', like), eb('applicant_name', 'like', like)]),
    );
  }
  const [items, total] = await Promise.all([
    q
      .select(SUMMARY_COLUMNS)
      .select(assigneeName)
      .orderBy(sql`due_on is null`)
      .orderBy('due_on')
      .orderBy('id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** The organ's applications with these register serial numbers (a report cell's sources), as received. */
export async function applicationsBySerial(db: Db, organId: number, serials: readonly string[]) {
  if (serials.length === 0) return [];
  return db
    .selectFrom('applications')
    .select(['id', 'serial_no', 'received_on', 'status'])
    .where('organ_id', '=', organId)
    .where('serial_no', 'in', serials)
    .orderBy('received_on')
    .orderBy('id')
    .execute();
}

/** The records the annual report of a year is compiled from: received by its end, open at its start. */
export async function applicationsForYear(db: Db, organId: number, year: number) {
  return (
    db
      .selectFrom('applications')
      .select(['serial_no', 'applicant_kind', 'received_on', 'closed_on', 'outcome'])
      // Only the fee notice of each case, for section 六: the whole state is many times larger.
      .select(sql<CaseState['fee'] | null>`state -> 'fee'`.as('fee'))
      .where('organ_id', '=', organId)
      .where('received_on', '<=', `${year}-12-31`)
      .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', `${year}-01-01`)]))
      .execute()
  );
}

/** Who made the latest move of `type` on the application (null: the public portal or unknown). */
export async function authorOf(db: Db, applicationId: number, type: CaseActionType): Promise<number | null> {
  const row = await db
    .selectFrom('application_events')
    .select('actor_id')
    .where('application_id', '=', applicationId)
    .where('type', '=', type)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.actor_id ?? null;
}

/** Every open case with its state and stored due date, by organ and id. */
export async function openCases(db: Db) {
  return db
    .selectFrom('applications')
    .innerJoin('organs', 'organs.id', 'applications.organ_id')
    .select([
      'applications.id',
      'applications.serial_no',
      'applications.organ_id',
      'organs.name as organ_name',
      'applications.state',
      'applications.due_on',
    ])
    .where('applications.status', '!=', 'closed')
    .orderBy('applications.organ_id')
    .orderBy('applications.id')
    .execute();
}

/**
 * Moves a case's due date from `from` to `to`, keeping the previous date and why; false when the
 * date is no longer `from` (an officer's move in the meantime recomputed it already).
 */
export async function moveDueDate(
  db: Db,
  move: { id: number; from: string | null; to: string | null },
  reason: string,
): Promise<boolean> {
  const updated = await db
    .updateTable('applications')
    .set({ due_on: move.to, due_moved_from: move.from, due_moved_at: new Date(), due_moved_reason: reason })
    .where('id', '=', move.id)
    .where(sql<boolean>`due_on is not distinct from ${move.from}::date`)
    .executeTakeFirst();
  return updated.numUpdatedRows === 1n;
}

export interface NewAttachment {
  readonly applicationId: number;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly content: Uint8Array;
  readonly uploadedBy: number;
}

export async function insertAttachment(db: Db, file: NewAttachment) {
  return db
    .insertInto('attachments')
    .values({
      application_id: file.applicationId,
      file_name: file.fileName,
      media_type: file.mediaType,
      size: file.size,
      sha256: file.sha256,
      content: file.content,
      uploaded_by: file.uploadedBy,
    })
    .returning([
      'id',
      'file_name as fileName',
      'media_type as mediaType',
      'size',
      'sha256',
      'uploaded_at as uploadedAt',
    ])
    .executeTakeFirstOrThrow();
}

/** An attachment's file and the organ whose case it belongs to. */
export async function findAttachment(db: Db, attachmentId: number) {
  return db
    .selectFrom('attachments')
    .innerJoin('applications', 'applications.id', 'attachments.application_id')
    .select(['attachments.file_name', 'attachments.media_type', 'attachments.content', 'applications.organ_id'])
    .where('attachments.id', '=', attachmentId)
    .executeTakeFirst();
}

/** A case's attachments, without their content, oldest first. */
export async function listAttachments(db: Db, applicationId: number) {
  return db
    .selectFrom('attachments')
    .select(['id', 'file_name as fileName', 'media_type as mediaType', 'size', 'uploaded_at as uploadedAt'])
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

/** The ids of the organ's applications with these serial numbers (the unknown ones are absent). */
export async function applicationIdsBySerial(db: Db, organId: number, serials: readonly string[]) {
  const found: { id: number; serial_no: string }[] = [];
  for (const batch of batchesOf(serials, 1)) {
    found.push(
      ...(await db
        .selectFrom('applications')
        .select(['id', 'serial_no'])
        .where('organ_id', '=', organId)
        .where('serial_no', 'in', batch)
        .execute()),
    );
  }
  return new Map(found.map((a) => [a.serial_no, a.id]));
}

/** The organ an application belongs to; undefined when there is no such application. */
export async function organOfApplication(db: Db, applicationId: number): Promise<number | undefined> {
  const row = await db.selectFrom('applications').select('organ_id').where('id', '=', applicationId).executeTakeFirst();
  return row?.organ_id;
}
