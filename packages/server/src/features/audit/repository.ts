import type { Kysely } from 'kysely';
import { json, type Database } from '../../db/schema.js';

export interface AuditEntry {
  readonly actorId: number | null;
  readonly organId: number | null;
  readonly entity: string;
  readonly entityId: string | number;
  readonly action: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Appends one entry; call it inside the transaction that makes the change, so both land or neither. */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      organ_id: entry.organId,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      action: entry.action,
      before: entry.before === undefined ? null : json(entry.before),
      after: entry.after === undefined ? null : json(entry.after),
    })
    .execute();
}

export interface AuditQuery {
  readonly organIds?: readonly number[];
  readonly entity?: string;
  readonly entityId?: string;
  readonly limit: number;
  readonly offset: number;
}

export async function listAudit(db: Kysely<Database>, query: AuditQuery) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_id as actorId',
      'users.display_name as actorName',
      'audit_log.organ_id as organId',
      'audit_log.entity',
      'audit_log.entity_id as entityId',
      'audit_log.action',
      'audit_log.before',
      'audit_log.after',
    ]);
  if (query.organIds) q = q.where('audit_log.organ_id', 'in', query.organIds.length ? query.organIds : [-1]);
  if (query.entity) q = q.where('audit_log.entity', '=', query.entity);
  if (query.entityId) q = q.where('audit_log.entity_id', '=', query.entityId);
  return q.orderBy('audit_log.id', 'desc').limit(query.limit).offset(query.offset).execute();
}
