import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isWeekend } from '../calendar/dates.js';
import { defaultCalendarYears, defaultWorkCalendar } from '../calendar/data.js';
import { caseDeadline } from './deadline.js';
import { allowedActions, applyAction, startCase } from './machine.js';
import { OUTCOMES } from './model.js';
import type { CaseAction, CaseActionType, CaseState } from './state.js';

/** Shipped notices 2019–2026; 2027 onwards provisional. */
const calendar = defaultWorkCalendar();
const FIRST_NOTICE_LESS_DAY = '2027-01-01';

function lawfulAction(type: CaseActionType, on: string, variant: number): CaseAction {
  switch (type) {
    case 'requestCorrection':
      return { type, on, note: '补正事项' };
    case 'sendFeeNotice':
      return { type, on, method: 'perPage', quantity: 150 + (variant % 100) };
    case 'requestExtension':
      return { type, on, days: 1 + (variant % 20), reason: '理由' };
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

/** The latest date a deadline shows: its due date, or for a paused case the date it waits for. */
function latestShown(deadline: ReturnType<typeof caseDeadline>, state: CaseState): string {
  const dates = [deadline.dueOn, deadline.consultationDueOn, deadline.correctionDueOn, deadline.feeDueOn];
  return dates
    .filter((d): d is string => typeof d === 'string')
    .reduce((a, b) => (a > b ? a : b), state.periodStartsOn);
}

function checkDeadline(state: CaseState, today: string): void {
  const deadline = caseDeadline(state, calendar, today);
  if (state.status === 'closed') return;
  // Only a pause (补正, fee, consultation) leaves an open case without a due date, never the calendar.
  if (deadline.dueOn === null) expect(deadline.paused).toBe(true);
  else expect(deadline.dueOn > state.periodStartsOn).toBe(true);
  expect(deadline.provisional).toBe(latestShown(deadline, state) >= FIRST_NOTICE_LESS_DAY);
}

const scenario = fc.record({
  // Any receipt date from 2019-01-01 to 2030-12-31.
  start: fc.integer({ min: 0, max: 4382 }),
  steps: fc.array(fc.record({ pick: fc.nat(), gap: fc.integer({ min: 0, max: 12 }), variant: fc.nat() }), {
    maxLength: 12,
  }),
});

describe('a deadline for every open case, 2019–2030 (property)', () => {
  it('never leaves an open case without a deadline, and marks the provisional ones', () => {
    fc.assert(
      fc.property(scenario, ({ start, steps }) => {
        let state = startCase({
          channel: 'online',
          applicantKind: 'natural',
          receivedOn: addCalendarDays('2019-01-01', start),
        });
        let clock = state.receivedOn;
        checkDeadline(state, clock);
        for (const { pick, gap, variant } of steps) {
          const allowed = allowedActions(state);
          if (allowed.length === 0) break;
          const type = allowed[pick % allowed.length] as CaseActionType;
          const on = addCalendarDays(clock, gap);
          try {
            state = applyAction(state, lawfulAction(type, on, variant), calendar);
          } catch {
            continue; // a date-bound rule (a lapse before its day, a late 补正 notice): refused, not our concern
          }
          clock = on;
          checkDeadline(state, clock);
        }
      }),
      { numRuns: 500, seed: 2027 },
    );
  });

  it('agrees day by day with the shipped notices for 2019–2026', () => {
    const shipped = defaultCalendarYears();
    const holidays = new Set(shipped.flatMap((y) => y.holidays.map((d) => d.date)));
    const workdays = new Set(shipped.flatMap((y) => y.workdays.map((d) => d.date)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2921 }), (offset) => {
        const date = addCalendarDays('2019-01-01', offset);
        expect(calendar.isProvisional(Number(date.slice(0, 4)))).toBe(false);
        expect(calendar.isWorkingDay(date)).toBe(workdays.has(date) || (!holidays.has(date) && !isWeekend(date)));
      }),
      { numRuns: 3000, seed: 2019 },
    );
  });
});
