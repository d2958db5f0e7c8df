import type { Generated } from 'kysely';
import type { Json, Timestamp } from './columns.js';

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  organ_id: number | null;
  entity: string;
  entity_id: string;
  action: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

/** The audit log: who changed what, before and after. */
export interface AuditTables {
  audit_log: AuditLogTable;
}
