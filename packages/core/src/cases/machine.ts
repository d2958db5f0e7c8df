import type { WorkCalendar } from '../calendar/calendar.js';
import { isIsoDate } from '../calendar/dates.js';
import { answerDueOn, correctionNoticeDueOn } from './deadline.js';
import { CaseRuleError } from './errors.js';
import { lastEventOn } from './events.js';
import { feeFor } from './fees.js';
import {
  ANSWER_OUTCOMES,
  APPLICANT_KINDS,
  CHANNELS,
  FEE_METHODS,
  OUTCOMES,
  type ApplicantKind,
  type Channel,
  type Outcome,
  type Role,
} from './model.js';
import {
  CORRECTION_NOTICE_WORKING_DAYS,
  DEFAULT_CORRECTION_WORKING_DAYS,
  FEE_PAYMENT_WORKING_DAYS,
  MAX_EXTENSION_WORKING_DAYS,
} from './periods.js';
import {
  ACTION_LABELS,
  ACTION_ROLES,
  CASE_STATUS_LABELS,
  type CaseAction,
  type CaseActionType,
  type CaseState,
  type CaseStatus,
  type Pause,
} from './state.js';

/**
 * The status machine of an application. `applyAction` is the one way a case changes: it checks
 * that the move is lawful now and returns the next state, never touching the one it was given.
 */

const OPEN_STATUSES: readonly CaseStatus[] = [
  'inProgress',
  'awaitingCorrection',
  'consulting',
  'awaitingFee',
  'answerPending',
];

/** The statuses each action may be taken in. */
export const ACTION_STATUSES: Readonly<Record<CaseActionType, readonly CaseStatus[]>> = {
  requestCorrection: ['inProgress'],
  receiveCorrection: ['awaitingCorrection'],
  lapseCorrection: ['awaitingCorrection'],
  startConsultation: ['inProgress'],
  endConsultation: ['consulting'],
  sendFeeNotice: ['inProgress'],
  recordPayment: ['awaitingFee'],
  lapseFee: ['awaitingFee'],
  requestExtension: ['inProgress', 'consulting'],
  // A pending request may be decided whatever the case is waiting for.
  approveExtension: OPEN_STATUSES,
  rejectExtension: OPEN_STATUSES,
  draftAnswer: ['inProgress'],
  approveAnswer: ['answerPending'],
  returnAnswer: ['answerPending'],
  withdraw: OPEN_STATUSES,
  // Decided on receipt, before any letter to the applicant or a third party.
  transfer: ['inProgress'],
};

/** Every action type, in the order of `ACTION_LABELS`. */
const ACTION_TYPES = Object.keys(ACTION_LABELS) as CaseActionType[];

export interface NewCase {
  readonly channel: Channel;
  readonly applicantKind: ApplicantKind;
  /** The receipt date under 第三十一条 for the channel (see `RECEIPT_RULES`). */
  readonly receivedOn: string;
}

/** A case just received: the answer period runs from `receivedOn` (that day not counted). */
export function startCase({ channel, applicantKind, receivedOn }: NewCase): CaseState {
  if (!CHANNELS.includes(channel)) throw new CaseRuleError('bad-input', `申请渠道“${String(channel)}”无效`);
  if (!APPLICANT_KINDS.includes(applicantKind)) {
    throw new CaseRuleError('bad-input', `申请人类型“${String(applicantKind)}”无效`);
  }
  checkDate(receivedOn, '收到申请日期');
  return { status: 'inProgress', channel, applicantKind, receivedOn, periodStartsOn: receivedOn, pauses: [] };
}

/**
 * The moves lawful in the case's current state, in the order of `ACTION_LABELS`; with a role, only
 * those the role may take (`ACTION_ROLES`). Date-bound rules (a 补正 notice within 7 working days,
 * a lapse only after the due day) depend on the action's date and are checked by `applyAction`.
 */
export function allowedActions(state: CaseState, role?: Role): CaseActionType[] {
  return ACTION_TYPES.filter(
    (type) =>
      ACTION_STATUSES[type].includes(state.status) &&
      onceOnlyRule(state, type) === undefined &&
      (role === undefined || ACTION_ROLES[type].includes(role)),
  );
}

/** The rules that depend on the case alone: moves allowed once, and decisions on a pending request. */
function onceOnlyRule(state: CaseState, type: CaseActionType): CaseRuleError | undefined {
  switch (type) {
    case 'requestCorrection':
      return state.correction
        ? new CaseRuleError(
            'correction-repeated',
            `补正告知应一次性发出（第三十条），本申请已于${state.correction.noticeOn}告知补正，不能再次告知`,
          )
        : undefined;
    case 'sendFeeNotice':
      return state.fee
        ? new CaseRuleError('fee-repeated', `本申请已于${state.fee.noticeOn}发出收费通知，不能再次发出`)
        : undefined;
    case 'requestExtension':
      return state.extension
        ? new CaseRuleError(
            'extension-repeated',
            `本申请已于${state.extension.requestedOn}申请过延期，延期只能申请一次`,
          )
        : undefined;
    case 'approveExtension':
    case 'rejectExtension':
      return pendingExtension(state) ? undefined : new CaseRuleError('extension-not-pending', '没有待审批的延期申请');
    default:
      return undefined;
  }
}

function pendingExtension(state: CaseState): boolean {
  return state.extension !== undefined && !state.extension.approvedOn && !state.extension.rejectedOn;
}

/**
 * The approvals, each with the move it decides on. Who made that move does not approve it: the
 * 审核人 is another person than the drafter (or the one who asked for the extension).
 */
export const APPROVED_MOVES: Readonly<Partial<Record<CaseActionType, CaseActionType>>> = {
  approveAnswer: 'draftAnswer',
  approveExtension: 'requestExtension',
};

export interface Approver {
  /** The person taking the action. */
  readonly personId: number;
  /** Who made the move it approves (the latest such move), when known. */
  readonly authorId: number | null | undefined;
  /** The organ's setting for an office of one: its only officer may approve their own drafts. */
  readonly selfApprovalAllowed: boolean;
}

/**
 * Whether `type`, taken by `approver`, approves the approver's own move: false for any other action
 * or person; true when the organ allows it (the move is then to be marked as such); a
 * CaseRuleError `self-approval` when it does not.
 */
export function isSelfApproval(type: CaseActionType, approver: Approver): boolean {
  const approved = APPROVED_MOVES[type];
  if (!approved || approver.authorId == null || approver.authorId !== approver.personId) return false;
  if (approver.selfApprovalAllowed) return true;
  throw new CaseRuleError(
    'self-approval',
    `“${ACTION_LABELS[type]}”应由“${ACTION_LABELS[approved]}”者以外的审核人进行；本机关只有一名工作人员的，可由机关管理员在机关设置中允许本人审核`,
  );
}

/**
 * The state after `action`, or a CaseRuleError saying why the move is unlawful: the wrong status
 * (`not-allowed`), a malformed date or one before the latest event, or a broken rule of the 条例.
 * The calendar's `year-not-covered` passes through when a period reaches a year it lacks.
 */
export function applyAction(state: CaseState, action: CaseAction, calendar: WorkCalendar): CaseState {
  const type = action.type;
  if (!ACTION_TYPES.includes(type)) throw new CaseRuleError('unknown-action', `未知的办理操作“${String(type)}”`);
  if (!ACTION_STATUSES[type].includes(state.status)) {
    throw new CaseRuleError(
      'not-allowed',
      `案件当前状态为“${CASE_STATUS_LABELS[state.status]}”，不能进行“${ACTION_LABELS[type]}”操作`,
    );
  }
  const once = onceOnlyRule(state, type);
  if (once) throw once;
  checkDate(action.on, `“${ACTION_LABELS[type]}”的日期`);
  const last = lastEventOn(state);
  if (action.on < last) {
    throw new CaseRuleError(
      'date-before-previous',
      `“${ACTION_LABELS[type]}”的日期${action.on}早于上一办理环节的日期${last}`,
    );
  }
  return nextState(state, action, calendar);
}

/** How each action moves a case on: one handler a kind, each checking the rules of its own step. */
type Transitions = {
  [T in CaseAction['type']]: (
    state: CaseState,
    action: Extract<CaseAction, { type: T }>,
    calendar: WorkCalendar,
  ) => CaseState;
};

const TRANSITIONS: Transitions = {
  requestCorrection: (state, action, calendar) => {
    const { on } = action;
    const noticeDue = correctionNoticeDueOn(state, calendar);
    if (on > noticeDue) {
      throw new CaseRuleError(
        'correction-notice-late',
        `补正告知应在收到申请之日起${CORRECTION_NOTICE_WORKING_DAYS}个工作日内发出（第三十条），本申请应于${noticeDue}前告知，${on}已超过期限`,
      );
    }
    if (!action.note?.trim()) {
      throw new CaseRuleError('correction-note-missing', '补正告知应写明需要补正的事项和合理的补正期限（第三十条）');
    }
    if (action.dueOn !== undefined) {
      checkDate(action.dueOn, '补正期限');
      if (action.dueOn <= on) {
        throw new CaseRuleError('correction-due-invalid', `补正期限${action.dueOn}应晚于告知日期${on}`);
      }
    }
    const dueOn = action.dueOn ?? calendar.addWorkingDays(on, DEFAULT_CORRECTION_WORKING_DAYS);
    return { ...state, status: 'awaitingCorrection', correction: { noticeOn: on, dueOn } };
  },
  receiveCorrection: (state, { on }) => {
    const correction = required(state.correction);
    if (on > correction.dueOn) {
      throw new CaseRuleError(
        'correction-late',
        `补正期限已于${correction.dueOn}届满，${on}收到的补正已逾期；无正当理由逾期不补正的，应“逾期未补正，终止办理”`,
      );
    }
    // 第三十条: the answer period runs afresh from receipt of the corrected application.
    return { ...state, status: 'inProgress', periodStartsOn: on, correction: { ...correction, correctedOn: on } };
  },
  lapseCorrection: (state, { on }) => {
    const correction = required(state.correction);
    if (on <= correction.dueOn) {
      throw new CaseRuleError(
        'correction-not-lapsed',
        `补正期限至${correction.dueOn}，期限届满前不能按逾期未补正终止办理`,
      );
    }
    return close(state, 'other.noCorrection', on);
  },
  startConsultation: (state, { on }) => {
    return { ...state, status: 'consulting', pauses: [...state.pauses, { kind: 'consultation', from: on }] };
  },
  endConsultation: (state, { on }) => {
    return { ...state, status: 'inProgress', pauses: endPause(state.pauses, 'consultation', on) };
  },
  sendFeeNotice,
  recordPayment: (state, { on }) => {
    const fee = required(state.fee);
    if (on > fee.dueOn) {
      throw new CaseRuleError(
        'payment-late',
        `缴费期限已于${fee.dueOn}届满，${on}缴费已逾期；应“逾期未缴费，终止办理”`,
      );
    }
    return { ...state, status: 'inProgress', fee: { ...fee, paidOn: on }, pauses: endPause(state.pauses, 'fee', on) };
  },
  lapseFee: (state, { on }) => {
    const fee = required(state.fee);
    if (on <= fee.dueOn) {
      throw new CaseRuleError('fee-not-lapsed', `缴费期限至${fee.dueOn}，期限届满前不能按逾期未缴费终止办理`);
    }
    return close(state, 'other.unpaidFee', on);
  },
  requestExtension: (state, action, calendar) => {
    const { on } = action;
    const { days, reason } = action;
    if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_WORKING_DAYS) {
      throw new CaseRuleError(
        'extension-days-invalid',
        `延长答复期限应为1至${MAX_EXTENSION_WORKING_DAYS}个工作日（第三十三条），收到的是“${String(days)}”`,
      );
    }
    if (!reason?.trim()) throw new CaseRuleError('extension-reason-missing', '申请延期应写明理由');
    const dueOn = answerDueOn(state, calendar);
    if (dueOn !== null && on > dueOn) {
      throw new CaseRuleError('extension-late', `延期应在答复期限届满前申请，本申请答复期限已于${dueOn}届满`);
    }
    return { ...state, extension: { days, reason, requestedOn: on } };
  },
  approveExtension: (state, { on }) => {
    return { ...state, extension: { ...required(state.extension), approvedOn: on } };
  },
  rejectExtension: (state, { on }) => {
    return { ...state, extension: { ...required(state.extension), rejectedOn: on } };
  },
  draftAnswer: (state, action) => {
    const { on } = action;
    if (!ANSWER_OUTCOMES.includes(action.outcome)) {
      const why = OUTCOMES.includes(action.outcome)
        ? '逾期未补正、逾期未缴费只能通过相应的终止办理操作登记'
        : '不是有效的办理结果';
      throw new CaseRuleError('outcome-not-allowed', `答复结果“${String(action.outcome)}”不能选择：${why}`);
    }
    return { ...state, status: 'answerPending', answer: { outcome: action.outcome, draftedOn: on } };
  },
  approveAnswer: (state, { on }) => {
    const answer = required(state.answer);
    return { ...close(state, answer.outcome, on), answer: { ...answer, approvedOn: on } };
  },
  returnAnswer: (state) => {
    const { answer: _returned, ...rest } = state;
    return { ...rest, status: 'inProgress' };
  },
  withdraw: (state, { on }) => {
    return close(state, 'other.other', on);
  },
  transfer: (state, action) => {
    const organName = action.organName?.trim();
    if (!organName) {
      throw new CaseRuleError(
        'referral-organ-missing',
        '转办应写明负责公开该政府信息的行政机关名称（第三十六条第（五）项）',
      );
    }
    return { ...close(state, REFERRAL_OUTCOME, action.on), referral: { organName, on: action.on } };
  },
};

function nextState(state: CaseState, action: CaseAction, calendar: WorkCalendar): CaseState {
  // The map's type pairs each kind with its handler; TypeScript cannot follow the pairing through an index.
  const transition = TRANSITIONS[action.type] as (
    state: CaseState,
    action: CaseAction,
    calendar: WorkCalendar,
  ) => CaseState;
  return transition(state, action, calendar);
}

function sendFeeNotice(
  state: CaseState,
  action: Extract<CaseAction, { type: 'sendFeeNotice' }>,
  calendar: WorkCalendar,
): CaseState {
  const { on, method, quantity } = action;
  if (!FEE_METHODS.includes(method)) throw new CaseRuleError('fee-quantity-invalid', `收费方式“${String(method)}”无效`);
  let amount: number;
  try {
    amount = feeFor(method, quantity);
  } catch (error) {
    throw new CaseRuleError('fee-quantity-invalid', error instanceof Error ? error.message : String(error));
  }
  if (amount <= 0) throw new CaseRuleError('fee-zero', '按此计算应收费用为0元，不需要发出收费通知');
  // 国办函〔2020〕109号: the 收费通知 is sent within the answer period.
  const answerDue = answerDueOn(state, calendar);
  if (answerDue !== null && on > answerDue) {
    throw new CaseRuleError('fee-notice-late', `收费通知应在答复期限内发出，本申请答复期限已于${answerDue}届满`);
  }
  // The applicant has 20 working days from receiving the notice; the state knows only the day it
  // went out, so the period is counted from that day. For a notice sent by post this is earlier
  // than the statute's day: the officer should allow for delivery before recording a lapse.
  const dueOn = calendar.addWorkingDays(on, FEE_PAYMENT_WORKING_DAYS);
  return {
    ...state,
    status: 'awaitingFee',
    fee: { method, quantity, amount, noticeOn: on, dueOn },
    pauses: [...state.pauses, { kind: 'fee', from: on }],
  };
}

/**
 * How a referred case is counted in the annual report: the national format has no row of its own
 * for 第三十六条第（五）项, so it falls under 本机关不掌握相关政府信息.
 */
export const REFERRAL_OUTCOME: Outcome = 'unable.notHeld';

function close(state: CaseState, outcome: Outcome, on: string): CaseState {
  return { ...state, status: 'closed', outcome, closedOn: on };
}

/** The pauses with the open one of `kind` ended on `on` (a new array; the others untouched). */
function endPause(pauses: readonly Pause[], kind: Pause['kind'], on: string): Pause[] {
  const index = pauses.findLastIndex((pause) => pause.kind === kind && pause.to === undefined);
  if (index < 0) throw new CaseRuleError('not-allowed', '没有进行中的暂停计时，无法结束');
  return pauses.map((pause, i) => (i === index ? { ...pause, to: on } : pause));
}

/** A part of the state the status guarantees; its absence means a state no action could produce. */
function required<T>(value: T | undefined): T {
  if (value === undefined) throw new CaseRuleError('not-allowed', '案件数据不完整，无法进行该操作');
  return value;
}

function checkDate(value: string, what: string): void {
  if (!isIsoDate(value)) {
    throw new CaseRuleError('bad-date', `${what}“${String(value)}”格式不正确，应为 YYYY-MM-DD 格式的有效日期`);
  }
}
