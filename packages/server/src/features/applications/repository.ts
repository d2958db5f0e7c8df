import { sql, type Kysely, type Transaction } from 'kysely';
import type { ApplicationRow, ApplicationUpdate, Database, NewApplication } from '../../db/schema.js';
import { json } from '../../db/schema.js';
import { SUMMARY_COLUMNS } from './views.js';

export type Db = Kysely<Database> | Transaction<Database>;

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
  return db
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
    .execute();
}

export interface ListQuery {
  readonly organId: number;
  readonly status?: string;
  readonly open?: boolean;
  readonly year?: number;
  readonly search?: string;
  readonly dueBy?: string;
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
  if (query.search) {
    const like = `%${query.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('serial_no', 'like', like), eb('request', 'like', like), eb('applicant_name', 'like', like)]),
    );
  }
  const [items, total] = await Promise.all([
    q
      .select(SUMMARY_COLUMNS)
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

/** The records the annual report of a year is compiled from: received by its end, open at its start. */
export async function applicationsForYear(db: Db, organId: number, year: number) {
  return db
    .selectFrom('applications')
    .select(['id', 'applicant_kind', 'received_on', 'closed_on', 'outcome'])
    .where('organ_id', '=', organId)
    .where('received_on', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', `${year}-01-01`)]))
    .execute();
}
