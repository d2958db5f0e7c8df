import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { CalendarYear, CaseState, CellSource, Finding, Report } from '@xxgk/core';
import type { CorpusTables } from './corpus-schema.js';

/*
 * The typed shape of every table, as the migrations leave it. DATE columns are 'YYYY-MM-DD'
 * strings (see database.ts); JSONB columns are written as JSON text and read back parsed.
 */

/** A JSONB column holding a `T`: written as JSON text (see `json`), read back parsed. */
export type Json<T> = ColumnType<T, string, string>;
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrgansTable {
  id: Generated<number>;
  parent_id: number | null;
  path: string;
  name: string;
  kind: string;
  region: string | null;
  code: string;
  address: string | null;
  phone: string | null;
  review_body: string | null;
  court: string | null;
  /** The drafter of an answer (or asker of an extension) may approve it: an organ with one officer. */
  allow_self_approval: Generated<boolean>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<number>;
  organ_id: number;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  active: Generated<boolean>;
  /** Where reminder mails go (migration 0010); null = no mail. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

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

export interface CalendarYearsTable {
  year: number;
  data: Json<CalendarYear>;
  updated_by: number | null;
  updated_at: Timestamp;
}

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

export interface DocumentsTable {
  id: Generated<number>;
  organ_id: number;
  kind: string;
  number: string | null;
  title: string;
  issued_on: string;
  repealed_on: string | null;
  created_at: Timestamp;
}

export interface YearFiguresTable {
  organ_id: number;
  year: number;
  figures: Json<Record<string, number | null>>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface ReviewCasesTable {
  id: Generated<number>;
  organ_id: number;
  kind: string;
  case_no: string;
  application_id: number | null;
  filed_on: string;
  concluded_on: string | null;
  result: string | null;
  note: string | null;
  created_at: Timestamp;
}

export interface AnnualReportsTable {
  id: Generated<number>;
  organ_id: number;
  year: number;
  status: string;
  report: Json<Report>;
  findings: Json<Finding[]>;
  sources: Json<Record<string, CellSource>>;
  compiled_at: Timestamp | null;
  version: Generated<number>;
  updated_at: Timestamp;
  published_on: string | null;
  late: Generated<boolean>;
}

export interface ReportPublicationsTable {
  id: Generated<number>;
  report_id: number;
  report: Json<Report>;
  findings: Json<Finding[]>;
  docx: Uint8Array;
  pdf: Uint8Array;
  html: string;
  published_on: string;
  published_by: number | null;
  published_at: Timestamp;
}

/** A cell corrected by hand when an imported report was saved, as its `report` column lists it. */
export interface CorrectionColumn {
  cellId: string;
  from: number | null;
  to: number | null;
  reason: string;
  by: number | null;
  byName: string;
  at: string;
}

export interface ImportedReportsTable {
  id: Generated<number>;
  organ_id: number;
  year: number;
  file_name: string;
  /** The file's report, with the corrections applied and listed. */
  report: Json<Report & { corrections?: CorrectionColumn[] }>;
  findings: Json<Finding[]>;
  imported_by: number | null;
  imported_at: Timestamp;
  /** SHA-256 of the file's bytes (hex); null for imports saved before it was kept. */
  content_sha256: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 催办: the 政务公开办 reminds a late organ; the organ answers (migration 0010). */
export interface UrgesTable {
  id: Generated<number>;
  organ_id: number;
  /** 'lateReport' | 'overdueCases' (urges/service.ts). */
  reason: string;
  year: number | null;
  message: string;
  sent_by: number;
  sent_at: Timestamp;
  answer: string | null;
  answered_by: number | null;
  answered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
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

/** A reminder to one person (migration 0010). */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  /** A core `ReminderKind`. */
  kind: string;
  title: string;
  application_id: number | null;
  urge_id: number | null;
  due_on: string | null;
  dedupe_key: string;
  created_at: Timestamp;
  read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  mailed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface Database extends CorpusTables {
  organs: OrgansTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  calendar_years: CalendarYearsTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  attachments: AttachmentsTable;
  documents: DocumentsTable;
  year_figures: YearFiguresTable;
  review_cases: ReviewCasesTable;
  annual_reports: AnnualReportsTable;
  report_publications: ReportPublicationsTable;
  imported_reports: ImportedReportsTable;
  urges: UrgesTable;
  transfers: TransfersTable;
  notifications: NotificationsTable;
}

export type Organ = Selectable<OrgansTable>;
export type User = Selectable<UsersTable>;
export type ApplicationRow = Selectable<ApplicationsTable>;
export type NewApplication = Insertable<ApplicationsTable>;
export type ApplicationUpdate = Updateable<ApplicationsTable>;

/** JSON text for a JSONB parameter: both drivers then store the value, not a PostgreSQL array. */
/** The database, or a transaction on it: what a repository's functions take. */
export type Db = Kysely<Database> | Transaction<Database>;

export const json = (value: unknown): string => JSON.stringify(value);
