import type { ColumnType, Generated } from 'kysely';
import type { CaseState } from '@xxgk/core';
import type { Json, Timestamp } from './columns.js';

export interface ApplicationsTable {
  id: Generated<number>;
  organ_id: number;
  serial_no: string;
  query_code: string;
  channel: string;
  applicant_kind: string;
  applicant_name: string;
  applicant_id_number: string | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  applicant_address: string | null;
  request: string;
  delivery_form: string;
  delivery_way: string;
  submitted_on: string;
  received_on: string;
  status: string;
  due_on: string | null;
  /** The due date before the latest calendar change moved it, when and why (migration 0006). */
  due_moved_from: ColumnType<string | null, string | null | undefined, string | null>;
  due_moved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  due_moved_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The officer's text of the answer (拟写答复) and the reviewer's 审批意见, latest (migration 0009). */
  answer_body: ColumnType<string | null, string | null | undefined, string | null>;
  answer_opinion: ColumnType<string | null, string | null | undefined, string | null>;
  /** The officer the case is assigned to (承办人), null until assigned (migration 0011). */
  assignee_id: ColumnType<number | null, number | null | undefined, number | null>;
  outcome: string | null;
  closed_on: string | null;
  state: Json<CaseState>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ApplicationEventsTable {
  id: Generated<number>;
  application_id: number;
  type: string;
  on: string;
  actor_id: number | null;
  data: Json<unknown>;
  at: Timestamp;
}

export interface AttachmentsTable {
  id: Generated<number>;
  application_id: number;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: number | null;
  uploaded_at: Timestamp;
}

/** 转办: a case handed to the organ responsible; `to_*` null when that organ is not on the platform. */
export interface TransfersTable {
  id: Generated<number>;
  from_application_id: number;
  to_application_id: number | null;
  from_organ_id: number;
  to_organ_id: number | null;
  to_organ_name: string;
  on: string;
  note: string;
  by: number | null;
  at: Timestamp;
}

/** 依申请公开: the cases, their events and attachments, and 转办 between organs. */
export interface ApplicationTables {
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  attachments: AttachmentsTable;
  transfers: TransfersTable;
}
