import { z } from '@hono/zod-openapi';
import {
  CHANNELS,
  type ApplicantKind,
  type CaseStatus,
  type Channel,
  type DeliveryForm,
  type DeliveryWay,
  type Outcome,
  type Role,
} from '@xxgk/core';
import type { ApplicationRow } from '../../db/schema.js';
import { applicantShape, contactGiven } from './applicant.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const IntakeSchema = z
  .object({
    channel: z.enum(CHANNELS),
    ...applicantShape,
    submittedOn: isoDate,
    receivedOn: isoDate,
  })
  .refine(...contactGiven)
  .openapi('IntakeInput');
export type IntakeInput = z.infer<typeof IntakeSchema>;

/** Roles that need the applicant's personal data to do their work. */
const SEES_PERSONAL_DATA: readonly Role[] = ['officer', 'reviewer', 'organAdmin'];

/** 张三 → 张*: the 政务公开办 sees that there is an applicant, not who. */
function maskName(name: string): string {
  return name.length <= 1 ? '*' : `${[...name][0]}${'*'.repeat(Math.min(3, [...name].length - 1))}`;
}

/** The columns a list row needs: not the case's state, which is many times larger. */
export const SUMMARY_COLUMNS = [
  'id',
  'organ_id',
  'serial_no',
  'channel',
  'applicant_kind',
  'applicant_name',
  'request',
  'received_on',
  'status',
  'due_on',
  'outcome',
  'closed_on',
  'version',
  'due_moved_from',
  'due_moved_at',
  'due_moved_reason',
  'assignee_id',
] as const;
/** A list row: the summary columns and the assignee's name (null when unassigned). */
export type SummaryRow = Pick<ApplicationRow, (typeof SUMMARY_COLUMNS)[number]> & {
  readonly assignee_name: string | null;
};

// The text columns below hold only the core's vocabulary: intake checks it (IntakeSchema) and
// every later change takes it from the core's status machine, so the casts narrow, not convert.
export function summaryView(row: SummaryRow, role: Role) {
  const personal = SEES_PERSONAL_DATA.includes(role);
  return {
    id: row.id,
    organId: row.organ_id,
    serialNo: row.serial_no,
    channel: row.channel as Channel,
    applicantKind: row.applicant_kind as ApplicantKind,
    applicantName: personal ? row.applicant_name : maskName(row.applicant_name),
    request: row.request,
    receivedOn: row.received_on,
    status: row.status as CaseStatus,
    dueOn: row.due_on,
    outcome: row.outcome as Outcome | null,
    closedOn: row.closed_on,
    version: row.version,
    assignee: row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name ?? '' },
    // Shown while the case is open: the officer must see that a calendar change moved the date.
    dueMoved:
      row.due_moved_at && !row.closed_on
        ? { from: row.due_moved_from, at: new Date(row.due_moved_at).toISOString(), reason: row.due_moved_reason ?? '' }
        : null,
  };
}

export function applicationView(row: ApplicationRow & { readonly assignee_name: string | null }, role: Role) {
  const personal = SEES_PERSONAL_DATA.includes(role);
  return {
    ...summaryView(row, role),
    queryCode: personal ? row.query_code : null,
    applicant: personal
      ? {
          idNumber: row.applicant_id_number,
          phone: row.applicant_phone,
          email: row.applicant_email,
          address: row.applicant_address,
        }
      : null,
    deliveryForm: row.delivery_form as DeliveryForm,
    deliveryWay: row.delivery_way as DeliveryWay,
    submittedOn: row.submitted_on,
    createdAt: row.created_at,
    answerBody: personal ? row.answer_body : null,
    answerOpinion: personal ? row.answer_opinion : null,
  };
}
