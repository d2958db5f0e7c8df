import type {
  ApplicantKind,
  CaseActionType,
  CaseDeadline,
  CaseState,
  CaseStatus,
  Channel,
  DeliveryForm,
  DeliveryWay,
  Outcome,
} from '@xxgk/core';

/** GET /api/organs/{organId}/dashboard (ApplicationService.dashboard). */
export interface Dashboard {
  readonly today: string;
  readonly soon: number;
  readonly open: number;
  readonly dueSoon: number;
  readonly overdue: number;
  readonly awaitingReview: number;
  readonly paused: number;
  readonly noDueDate: number;
  readonly thisYear: { readonly received: number; readonly closed: number };
}

/** One row of GET /api/organs/{organId}/applications (summaryView + deadline). */
export interface ApplicationListItem {
  readonly id: number;
  readonly serialNo: string;
  readonly channel: string;
  readonly applicantKind: string;
  readonly applicantName: string;
  readonly request: string;
  readonly receivedOn: string;
  readonly status: CaseStatus;
  readonly dueOn: string | null;
  readonly outcome: string | null;
  readonly closedOn: string | null;
  readonly version: number;
  readonly workingDaysLeft: number | null;
  readonly overdue: boolean;
}

/** A row of application_events with the actor's display name (repository.listEvents). */
export interface CaseEvent {
  readonly id: number;
  readonly type: CaseActionType | 'intake';
  readonly on: string;
  readonly data: Record<string, unknown> | null;
  readonly at: string;
  readonly actorName: string | null;
}

export interface CaseAttachment {
  readonly id: number;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly uploadedAt: string;
}

/** GET /api/applications/{id} (ApplicationService.view). */
export interface CaseDetail {
  readonly id: number;
  readonly organId: number;
  readonly serialNo: string;
  readonly channel: Channel;
  readonly applicantKind: ApplicantKind;
  readonly applicantName: string;
  readonly request: string;
  readonly receivedOn: string;
  readonly status: CaseStatus;
  readonly dueOn: string | null;
  readonly outcome: Outcome | null;
  readonly closedOn: string | null;
  readonly version: number;
  readonly queryCode: string | null;
  /** Null for those who may not see the applicant's personal data. */
  readonly applicant: {
    readonly idNumber: string | null;
    readonly phone: string | null;
    readonly email: string | null;
    readonly address: string | null;
  } | null;
  readonly deliveryForm: DeliveryForm;
  readonly deliveryWay: DeliveryWay;
  readonly submittedOn: string;
  readonly createdAt: string;
  /** Null when the calendar lacks a year the count runs into (see calendarWarning). */
  readonly deadline: CaseDeadline | null;
  readonly calendarWarning: string | null;
  readonly state: CaseState;
  readonly allowedActions: readonly CaseActionType[];
  readonly events: readonly CaseEvent[];
  readonly attachments: readonly CaseAttachment[];
}

/** GET /api/audit (AuditEntry). */
export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actorId: number | null;
  readonly actorName: string | null;
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
}
