// The case machine's tests share these: a frozen application of actions (any mutation throws), a
// case in each status, and a lawful action of each type for such a case.
import { defaultWorkCalendar } from '../../src/calendar/data.js';
import { CaseRuleError } from '../../src/cases/errors.js';
import { applyAction, startCase } from '../../src/cases/machine.js';
import {
  ACTION_LABELS,
  type CaseAction,
  type CaseActionType,
  type CaseState,
  type CaseStatus,
} from '../../src/cases/state.js';

export const calendar = defaultWorkCalendar();
export const ACTION_TYPES = Object.keys(ACTION_LABELS) as CaseActionType[];

/** Freezes a state all the way down, so that any mutation by the machine throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export function apply(state: CaseState, action: CaseAction): CaseState {
  return applyAction(deepFreeze(state), action, calendar);
}

export function run(state: CaseState, ...actions: CaseAction[]): CaseState {
  return actions.reduce(apply, state);
}

export function ruleError(run: () => unknown): CaseRuleError {
  try {
    run();
  } catch (error) {
    if (error instanceof CaseRuleError) return error;
    throw error;
  }
  throw new Error('expected a CaseRuleError');
}

/** Received on Monday 2026-03-02; due Monday 3月30日. */
export const fresh = (): CaseState =>
  startCase({ channel: 'online', applicantKind: 'natural', receivedOn: '2026-03-02' });

/** One case in each status, every event on 2026-03-03. */
export const IN_STATUS: Readonly<Record<CaseStatus, () => CaseState>> = {
  inProgress: fresh,
  awaitingCorrection: () => run(fresh(), { type: 'requestCorrection', on: '2026-03-03', note: '请明确所需信息的名称' }),
  consulting: () => run(fresh(), { type: 'startConsultation', on: '2026-03-03', note: '征求第三方意见' }),
  awaitingFee: () => run(fresh(), { type: 'sendFeeNotice', on: '2026-03-03', method: 'perPage', quantity: 120 }),
  answerPending: () => run(fresh(), { type: 'draftAnswer', on: '2026-03-03', outcome: 'granted' }),
  closed: () => run(fresh(), { type: 'withdraw', on: '2026-03-03', note: '申请人撤回' }),
};

/** A lawful action of the type for a case built by IN_STATUS (dates chosen to meet each rule). */
export function lawful(type: CaseActionType): CaseAction {
  const on = '2026-03-04';
  switch (type) {
    case 'requestCorrection':
      return { type, on, note: '请明确所需信息的名称' };
    case 'lapseCorrection':
      return { type, on: '2026-03-25' }; // the correction was due on 3/24
    case 'lapseFee':
      return { type, on: '2026-04-01' }; // the fee was due on 3/31
    case 'startConsultation':
    case 'returnAnswer':
    case 'withdraw':
      return { type, on, note: '说明' };
    case 'transfer':
      return { type, on, organName: '相山区教育局', note: '所需信息由教育局负责公开' };
    case 'sendFeeNotice':
      return { type, on, method: 'perApplication', quantity: 11 };
    case 'requestExtension':
      return { type, on, days: 10, reason: '需要调取档案' };
    case 'draftAnswer':
      return { type, on, outcome: 'partial' };
    default:
      return { type, on };
  }
}
