import { describe, expect, it } from 'vitest';
import {
  ACTION_TYPES,
  apply,
  calendar,
  deepFreeze,
  fresh,
  IN_STATUS,
  lawful,
  ruleError,
  run,
} from '../../test/support/cases.js';
import type { CaseRuleCode } from './errors.js';
import { ACTION_STATUSES, allowedActions, applyAction, startCase } from './machine.js';
import { ROLES } from './model.js';
import { ACTION_ROLES, CASE_STATUSES, type CaseAction } from './state.js';

describe('status × action', () => {
  it('lists the lawful moves of each status', () => {
    expect(allowedActions(IN_STATUS.inProgress())).toEqual([
      'requestCorrection',
      'startConsultation',
      'sendFeeNotice',
      'requestExtension',
      'draftAnswer',
      'withdraw',
      'transfer',
    ]);
    expect(allowedActions(IN_STATUS.awaitingCorrection())).toEqual([
      'receiveCorrection',
      'lapseCorrection',
      'withdraw',
    ]);
    expect(allowedActions(IN_STATUS.consulting())).toEqual(['endConsultation', 'requestExtension', 'withdraw']);
    expect(allowedActions(IN_STATUS.awaitingFee())).toEqual(['recordPayment', 'lapseFee', 'withdraw']);
    expect(allowedActions(IN_STATUS.answerPending())).toEqual(['approveAnswer', 'returnAnswer', 'withdraw']);
    expect(allowedActions(IN_STATUS.closed())).toEqual([]);
  });

  for (const status of CASE_STATUSES) {
    describe(status, () => {
      it.each(ACTION_TYPES)('%s', (type) => {
        const state = IN_STATUS[status]();
        expect(state.status).toBe(status);
        if (allowedActions(state).includes(type)) {
          const next = apply(state, lawful(type));
          expect(CASE_STATUSES).toContain(next.status);
          return;
        }
        const expected: CaseRuleCode = !ACTION_STATUSES[type].includes(status)
          ? 'not-allowed'
          : type === 'approveExtension' || type === 'rejectExtension'
            ? 'extension-not-pending'
            : 'not-allowed';
        const error = ruleError(() => apply(state, lawful(type)));
        expect(error.code).toBe(expected);
        expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      });
    });
  }

  it('lets a pending extension be decided in every open status, and not asked twice', () => {
    const ask: CaseAction = { type: 'requestExtension', on: '2026-03-03', days: 5, reason: '需要调取档案' };
    const pending = {
      inProgress: run(fresh(), ask),
      consulting: run(fresh(), ask, { type: 'startConsultation', on: '2026-03-03', note: '征求意见' }),
      awaitingFee: run(fresh(), ask, { type: 'sendFeeNotice', on: '2026-03-03', method: 'perPage', quantity: 40 }),
      answerPending: run(fresh(), ask, { type: 'draftAnswer', on: '2026-03-03', outcome: 'granted' }),
      awaitingCorrection: run(fresh(), ask, { type: 'requestCorrection', on: '2026-03-03', note: '补正事项' }),
    };
    for (const state of Object.values(pending)) {
      expect(allowedActions(state)).toEqual(expect.arrayContaining(['approveExtension', 'rejectExtension']));
      expect(allowedActions(state)).not.toContain('requestExtension');
      expect(apply(state, { type: 'approveExtension', on: '2026-03-04' })).toMatchObject({ status: state.status });
      expect(apply(state, { type: 'rejectExtension', on: '2026-03-04' }).extension?.rejectedOn).toBe('2026-03-04');
    }
    expect(ruleError(() => apply(pending.inProgress, ask)).code).toBe('extension-repeated');
    const rejected = apply(pending.inProgress, { type: 'rejectExtension', on: '2026-03-04' });
    expect(ruleError(() => apply(rejected, { ...ask, on: '2026-03-05' })).code).toBe('extension-repeated');
    expect(ruleError(() => apply(rejected, { type: 'approveExtension', on: '2026-03-05' })).code).toBe(
      'extension-not-pending',
    );
  });

  it('filters by role', () => {
    const pending = IN_STATUS.answerPending();
    expect(allowedActions(pending, 'officer')).toEqual(['withdraw']);
    expect(allowedActions(pending, 'reviewer')).toEqual(['approveAnswer', 'returnAnswer', 'withdraw']);
    expect(allowedActions(pending, 'sysAdmin')).toEqual([]);
    for (const role of ROLES) {
      for (const type of allowedActions(fresh(), role)) expect(ACTION_ROLES[type]).toContain(role);
    }
  });

  it('refuses an unknown action type', () => {
    const action = { type: 'reopen', on: '2026-03-04' } as unknown as CaseAction;
    expect(ruleError(() => apply(fresh(), action)).code).toBe('unknown-action');
  });
});

describe('dates', () => {
  it('refuses a malformed date', () => {
    const error = ruleError(() => apply(fresh(), { type: 'draftAnswer', on: '2026-3-4', outcome: 'granted' }));
    expect(error.code).toBe('bad-date');
    expect(error.message).toContain('“2026-3-4”');
    expect(ruleError(() => startCase({ channel: 'fax', applicantKind: 'legal', receivedOn: '2026-02-30' })).code).toBe(
      'bad-date',
    );
  });

  it('refuses a date before the latest event, and accepts the same day', () => {
    const consulting = IN_STATUS.consulting();
    const error = ruleError(() => apply(consulting, { type: 'endConsultation', on: '2026-03-02' }));
    expect(error.code).toBe('date-before-previous');
    expect(error.message).toContain('2026-03-03');
    expect(apply(consulting, { type: 'endConsultation', on: '2026-03-03' }).status).toBe('inProgress');
  });

  it('refuses a channel or applicant kind outside the lists', () => {
    expect(
      ruleError(() => startCase({ channel: 'pigeon' as never, applicantKind: 'natural', receivedOn: '2026-03-02' }))
        .code,
    ).toBe('bad-input');
    expect(
      ruleError(() => startCase({ channel: 'online', applicantKind: 'alien' as never, receivedOn: '2026-03-02' })).code,
    ).toBe('bad-input');
  });
});

describe('startCase', () => {
  it('starts the period on the receipt day', () => {
    expect(startCase({ channel: 'registeredMail', applicantKind: 'business', receivedOn: '2026-09-18' })).toEqual({
      status: 'inProgress',
      channel: 'registeredMail',
      applicantKind: 'business',
      receivedOn: '2026-09-18',
      periodStartsOn: '2026-09-18',
      pauses: [],
    });
  });
});

describe('immutability', () => {
  it('never changes the state it is given', () => {
    const state = deepFreeze(IN_STATUS.consulting());
    const copy = structuredClone(state);
    applyAction(state, { type: 'endConsultation', on: '2026-03-05' }, calendar);
    expect(state).toEqual(copy);
  });
});
