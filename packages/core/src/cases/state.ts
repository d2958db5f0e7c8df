import type { ApplicantKind, Channel, FeeMethod, Outcome, Role } from './model.js';

/**
 * The state of one application as the status machine sees it. The server stores it whole (JSON)
 * beside columns it queries on; every change goes through `applyAction`, which checks that the
 * move is lawful and returns the next state. Nothing here knows about storage or people's names.
 */

export const CASE_STATUSES = [
  /** 办理中: the answer period is running. */
  'inProgress',
  /** 补正中: a 补正告知 was sent; the period restarts on the corrected application. */
  'awaitingCorrection',
  /** 征求意见中: third party or other organs consulted; the period is paused. */
  'consulting',
  /** 待缴费: a 收费通知 was sent; the period is paused until payment. */
  'awaitingFee',
  /** 答复待审核: an answer is drafted and waits for the reviewer. */
  'answerPending',
  /** 已办结. */
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  inProgress: '办理中',
  awaitingCorrection: '补正中',
  consulting: '征求意见中',
  awaitingFee: '待缴费',
  answerPending: '答复待审核',
  closed: '已办结',
};

/** An interval during which the answer period does not run (第三十三条第三款, 第四十二条). */
export interface Pause {
  readonly kind: 'consultation' | 'fee';
  /** The day the consultation request or fee notice went out. */
  readonly from: string;
  /** The day the views came back or the fee was paid; absent while the pause lasts. */
  readonly to?: string;
}

export interface CaseState {
  readonly status: CaseStatus;
  readonly channel: Channel;
  readonly applicantKind: ApplicantKind;
  /** The day the application was received (第三十一条), fixed at intake. */
  readonly receivedOn: string;
  /** The day the answer period runs from: `receivedOn`, or the day the corrected application came. */
  readonly periodStartsOn: string;
  /** 补正: the notice day, the last day for the correction, and the day it came; kept, as it is given once only. */
  readonly correction?: { readonly noticeOn: string; readonly dueOn: string; readonly correctedOn?: string };
  readonly pauses: readonly Pause[];
  /** An extension asked for (pending) or approved; at most one per application, at most 20 days. */
  readonly extension?: {
    readonly days: number;
    readonly reason: string;
    readonly requestedOn: string;
    readonly approvedOn?: string;
    readonly rejectedOn?: string;
  };
  /** 收费通知: how it was computed, the amount in 元, when sent, by when to pay, when paid. */
  readonly fee?: {
    readonly method: FeeMethod;
    readonly quantity: number;
    readonly amount: number;
    readonly noticeOn: string;
    readonly dueOn: string;
    readonly paidOn?: string;
  };
  /** The answer drafted (and, once approved, given). */
  readonly answer?: {
    readonly outcome: Outcome;
    readonly draftedOn: string;
    readonly approvedOn?: string;
  };
  readonly outcome?: Outcome;
  readonly closedOn?: string;
  /**
   * 不属于本机关负责公开 (第三十六条第（五）项): the organ responsible, named to the applicant, and
   * the day the case was referred (and, when that organ is on the platform, handed over to it).
   */
  readonly referral?: { readonly organName: string; readonly on: string };
}

/** Every move a person can make on a case, with the day it happened on. */
export type CaseAction =
  | { readonly type: 'requestCorrection'; readonly on: string; readonly dueOn?: string; readonly note: string }
  | { readonly type: 'receiveCorrection'; readonly on: string }
  | { readonly type: 'lapseCorrection'; readonly on: string }
  | {
      readonly type: 'startConsultation';
      readonly on: string;
      readonly note: string;
      /** Whose views are asked (第三十二条): the addressee of the 征求意见函. */
      readonly thirdParty?: string;
    }
  | { readonly type: 'endConsultation'; readonly on: string }
  | {
      readonly type: 'sendFeeNotice';
      readonly on: string;
      readonly method: FeeMethod;
      /** For 按件: the ordinal of this application among the applicant's in the month; 按量: pages. */
      readonly quantity: number;
    }
  | { readonly type: 'recordPayment'; readonly on: string }
  | { readonly type: 'lapseFee'; readonly on: string }
  | { readonly type: 'requestExtension'; readonly on: string; readonly days: number; readonly reason: string }
  | { readonly type: 'approveExtension'; readonly on: string }
  | { readonly type: 'rejectExtension'; readonly on: string }
  | { readonly type: 'draftAnswer'; readonly on: string; readonly outcome: Outcome }
  | { readonly type: 'approveAnswer'; readonly on: string }
  | { readonly type: 'returnAnswer'; readonly on: string; readonly note: string }
  | { readonly type: 'withdraw'; readonly on: string; readonly note: string }
  /**
   * 转办: the information is another organ's to disclose (第三十六条第（五）项). The case ends here,
   * counted as 本机关不掌握相关政府信息, and the applicant is told the organ's name; the receiving
   * organ's own case starts on its own receipt date (`startCase`).
   */
  | { readonly type: 'transfer'; readonly on: string; readonly organName: string; readonly note: string };

export type CaseActionType = CaseAction['type'];

/** Which roles may take each action: 审核人 approves; 经办人 does the rest. */
export const ACTION_ROLES: Readonly<Record<CaseActionType, readonly Role[]>> = {
  requestCorrection: ['officer', 'reviewer'],
  receiveCorrection: ['officer', 'reviewer'],
  lapseCorrection: ['officer', 'reviewer'],
  startConsultation: ['officer', 'reviewer'],
  endConsultation: ['officer', 'reviewer'],
  sendFeeNotice: ['officer', 'reviewer'],
  recordPayment: ['officer', 'reviewer'],
  lapseFee: ['officer', 'reviewer'],
  requestExtension: ['officer', 'reviewer'],
  approveExtension: ['reviewer'],
  rejectExtension: ['reviewer'],
  draftAnswer: ['officer', 'reviewer'],
  approveAnswer: ['reviewer'],
  returnAnswer: ['reviewer'],
  withdraw: ['officer', 'reviewer'],
  transfer: ['officer', 'reviewer'],
};

export const ACTION_LABELS: Readonly<Record<CaseActionType, string>> = {
  requestCorrection: '发出补正告知',
  receiveCorrection: '收到补正申请',
  lapseCorrection: '逾期未补正，终止办理',
  startConsultation: '征求第三方意见',
  endConsultation: '收到第三方意见',
  sendFeeNotice: '发出收费通知',
  recordPayment: '登记缴费',
  lapseFee: '逾期未缴费，终止办理',
  requestExtension: '申请延期答复',
  approveExtension: '批准延期',
  rejectExtension: '不批准延期',
  draftAnswer: '拟写答复',
  approveAnswer: '审核通过并答复',
  returnAnswer: '退回修改',
  withdraw: '申请人撤回',
  transfer: '转办（不属于本机关负责公开）',
};
