import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../calendar/dates.js';
import { ACTION_TYPES, calendar, deepFreeze } from '../../test/support/cases.js';
import { caseDeadline } from './deadline.js';
import { CaseRuleError } from './errors.js';
import { lastEventOn } from './events.js';
import { allowedActions, applyAction, startCase } from './machine.js';
import { APPLICANT_KINDS, CHANNELS, FEE_METHODS, OUTCOMES } from './model.js';
import { CASE_STATUSES, type CaseAction, type CaseActionType, type CaseState } from './state.js';

/** An action of `type` on `on`, its parameters drawn from `variant` (some of them unlawful on purpose). */
function actionOf(type: CaseActionType, on: string, variant: number): CaseAction {
  switch (type) {
    case 'requestCorrection':
      return variant % 3 === 0
        ? { type, on, note: '补正事项', dueOn: addCalendarDays(on, (variant % 30) - 2) }
        : { type, on, note: variant % 7 === 0 ? '' : '补正事项' };
    case 'sendFeeNotice':
      return { type, on, method: FEE_METHODS[variant % 2] ?? 'perPage', quantity: variant % 250 };
    case 'requestExtension':
      return { type, on, days: variant % 22, reason: variant % 9 === 0 ? ' ' : '理由' };
    case 'draftAnswer':
      return { type, on, outcome: OUTCOMES[variant % OUTCOMES.length] ?? 'granted' };
    case 'startConsultation':
    case 'returnAnswer':
    case 'withdraw':
      return { type, on, note: '说明' };
    case 'transfer':
      return { type, on, organName: '相山区教育局', note: '所需信息由教育局负责公开' };
    default:
      return { type, on };
  }
}

const step = fc.record({
  pick: fc.nat(),
  // Mostly a few days between moves; now and then long enough for a 补正 or a fee to lapse.
  gap: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 6 }), weight: 4 },
    { arbitrary: fc.integer({ min: 7, max: 40 }), weight: 1 },
  ),
  variant: fc.nat(),
  any: fc.boolean(),
});

const scenario = fc.record({
  // Receipt between 2019-05-15 (the 条例 in force) and mid-2023, so that 20 moves (at most 800
  // days) and their periods stay inside the default calendar (2019–2026).
  start: fc.integer({ min: 0, max: 1500 }),
  channel: fc.constantFrom(...CHANNELS),
  applicantKind: fc.constantFrom(...APPLICANT_KINDS),
  steps: fc.array(step, { maxLength: 20 }),
});

function checkInvariants(state: CaseState): void {
  expect(CASE_STATUSES).toContain(state.status);
  const closed = state.status === 'closed';
  if (closed) {
    expect(OUTCOMES).toContain(state.outcome);
    expect(state.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  } else {
    expect(state.outcome).toBeUndefined();
    expect(state.closedOn).toBeUndefined();
  }
  expect(state.periodStartsOn >= state.receivedOn).toBe(true);
  const open = state.pauses.filter((pause) => pause.to === undefined);
  expect(open.length).toBeLessThanOrEqual(1);
  if (state.status === 'consulting') expect(open[0]?.kind).toBe('consultation');
  if (state.status === 'awaitingFee') expect(open[0]?.kind).toBe('fee');
  if (['inProgress', 'answerPending'].includes(state.status)) expect(open).toEqual([]);
  const deadline = caseDeadline(state, calendar, lastEventOn(state));
  if (closed) {
    expect(deadline.paused).toBe(false);
    expect(deadline.workingDaysLeft).toBeNull();
  } else if (deadline.dueOn === null) {
    expect(deadline.paused).toBe(true);
  }
}

describe('status machine (property)', () => {
  it('keeps every state reachable by lawful moves well-formed', () => {
    fc.assert(
      fc.property(scenario, ({ start, channel, applicantKind, steps }) => {
        let state = deepFreeze(startCase({ channel, applicantKind, receivedOn: addCalendarDays('2019-05-15', start) }));
        checkInvariants(state);
        // The day of the latest move taken; the state forgets a returned draft's day, the clock does not.
        let clock = state.receivedOn;
        for (const { pick, gap, variant, any } of steps) {
          const allowed = allowedActions(state);
          // Mostly a lawful move; sometimes any move at all, which must then be refused cleanly.
          const pool = any || allowed.length === 0 ? ACTION_TYPES : allowed;
          const type = pool[pick % pool.length] as CaseActionType;
          const action = actionOf(type, addCalendarDays(clock, gap), variant);
          let next: CaseState;
          try {
            next = applyAction(state, action, calendar);
          } catch (error) {
            expect(error).toBeInstanceOf(CaseRuleError);
            if (!allowed.includes(type)) {
              expect([
                'not-allowed',
                'correction-repeated',
                'fee-repeated',
                'extension-repeated',
                'extension-not-pending',
              ]).toContain((error as CaseRuleError).code);
            }
            continue;
          }
          expect(allowed).toContain(type);
          // Every move is recorded under its own day, except a returned draft, which is cleared.
          if (type === 'returnAnswer') expect(next).not.toHaveProperty('answer');
          else expect(lastEventOn(next)).toBe(action.on);
          clock = action.on;
          state = deepFreeze(next);
          checkInvariants(state);
        }
      }),
      { numRuns: 400, seed: 2019 },
    );
  });
});
