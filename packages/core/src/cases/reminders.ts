/**
 * The reminders (提醒) the platform gives the people who work cases, and the words of each. The
 * deadline reminders read the working days left that `caseDeadline` computes; nothing here counts
 * days again.
 */

export const REMINDER_KINDS = [
  /** The answer is due within 3 working days. */
  'dueIn3',
  /** The answer is due within 1 working day (today or the next working day). */
  'dueIn1',
  /** The answer period has run out and the case is open. */
  'overdue',
  /** The reviewer returned the drafted answer (退回修改). */
  'returned',
  /** A drafted answer or an extension request waits for a reviewer. */
  'awaitingApproval',
  /** Another organ transferred an application to this one (转办). */
  'transferredIn',
  /** A case was assigned to this officer (分派承办人). */
  'assigned',
  /** The 政务公开办 sent a reminder (催办). */
  'urged',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_LABELS: Readonly<Record<ReminderKind, string>> = {
  dueIn3: '3个工作日内到期',
  dueIn1: '1个工作日内到期',
  overdue: '已超期',
  returned: '答复被退回修改',
  awaitingApproval: '待我审核',
  transferredIn: '转办来件',
  assigned: '分派给我的申请',
  urged: '收到催办',
};

/** The windows of the deadline reminders, in working days before the due date, widest first. */
export const DUE_REMINDER_DAYS = [3, 1] as const;

/**
 * The deadline reminder a case calls for with `workingDaysLeft` (from `caseDeadline`: 0 on the due
 * day, negative once past, null when the clock stands still or the case is closed), or null.
 */
export function deadlineReminder(workingDaysLeft: number | null): 'dueIn3' | 'dueIn1' | 'overdue' | null {
  if (workingDaysLeft === null) return null;
  if (workingDaysLeft < 0) return 'overdue';
  if (workingDaysLeft <= DUE_REMINDER_DAYS[1]) return 'dueIn1';
  if (workingDaysLeft <= DUE_REMINDER_DAYS[0]) return 'dueIn3';
  return null;
}

/** What a reminder about a case says: the case's number and dates only, never the applicant. */
export interface CaseReminderFacts {
  readonly serialNo: string;
  readonly dueOn?: string | null;
  readonly workingDaysLeft?: number | null;
  /** The organ a case came from (转办) or the note of a return. */
  readonly from?: string;
}

/** The title of a reminder about a case, in the words shown in the list and in the mail's subject. */
export function caseReminderTitle(kind: Exclude<ReminderKind, 'urged'>, facts: CaseReminderFacts): string {
  const due = facts.dueOn ? `，答复期限${facts.dueOn}` : '';
  switch (kind) {
    case 'dueIn3':
    case 'dueIn1':
      return `申请${facts.serialNo}距答复期限还有${facts.workingDaysLeft ?? 0}个工作日${due}`;
    case 'overdue':
      return `申请${facts.serialNo}已超过答复期限${due}`;
    case 'returned':
      return `申请${facts.serialNo}的答复被退回修改${due}`;
    case 'awaitingApproval':
      return `申请${facts.serialNo}待审核${due}`;
    case 'transferredIn':
      return `${facts.from ?? '其他机关'}转办申请${facts.serialNo}${due}`;
    case 'assigned':
      return `申请${facts.serialNo}已分派给您承办${due}`;
  }
}

/** Why the 政务公开办 sends a 催办: a late annual report, or applications past their due date. */
export const URGE_REASONS = ['lateReport', 'overdueCases'] as const;
export type UrgeReason = (typeof URGE_REASONS)[number];

/** The reason in words; a late report names its year. */
export function urgeReasonText(reason: UrgeReason, year?: number | null): string {
  return reason === 'lateReport'
    ? `${year ?? ''}年度政府信息公开工作年度报告逾期未发布`
    : '有依申请公开申请超过答复期限未办结';
}
