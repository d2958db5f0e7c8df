import type { Db } from '../../db/schema.js';
import { handlerOf } from '../applications/assignment/repository.js';

/**
 * The cases a workload measure reads: every open one, and those closed within [from, to], each with
 * its organ and its handler (`handlerOf`). An officer's cases in hand are thus the open cases
 * assigned to them, and their answers those of the cases they were assigned. Before assignment
 * (migration 0011) a case counted for its latest drafter, else who registered it — which a case
 * never assigned still does, so the figures of earlier years read as they did.
 */
export async function workloadRows(db: Db, where: { organId?: number; path?: string }, from: string, to: string) {
  let q = db
    .selectFrom('applications as a')
    .innerJoin('organs as o', 'o.id', 'a.organ_id')
    .select([
      'a.organ_id as organId',
      'o.name as organName',
      'a.received_on as receivedOn',
      'a.closed_on as closedOn',
      'a.due_on as dueOn',
      handlerOf.as('handlerId'),
    ])
    .where((eb) =>
      eb.or([eb('a.closed_on', 'is', null), eb.and([eb('a.closed_on', '>=', from), eb('a.closed_on', '<=', to)])]),
    );
  if (where.organId !== undefined) q = q.where('a.organ_id', '=', where.organId);
  if (where.path !== undefined) q = q.where('o.path', 'like', `${where.path}%`);
  return q.orderBy('o.path').execute();
}

/** Names of the people handling cases. */
export async function peopleNames(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'display_name as name', 'role']).where('id', 'in', ids).execute();
}
