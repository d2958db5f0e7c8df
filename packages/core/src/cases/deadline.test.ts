import { describe, expect, it } from 'vitest';
import { CalendarError } from '../calendar/calendar.js';
import { defaultWorkCalendar } from '../calendar/data.js';
import { answerDueOn, caseDeadline, correctionNoticeDueOn } from './deadline.js';
import type { CaseState } from './state.js';

const calendar = defaultWorkCalendar();

/** A case received on Monday 2026-03-02; its 20 working days end on Monday 3月30日 (no holiday in March). */
const received: CaseState = {
  status: 'inProgress',
  channel: 'online',
  applicantKind: 'natural',
  receivedOn: '2026-03-02',
  periodStartsOn: '2026-03-02',
  pauses: [],
};

describe('caseDeadline: the answer period', () => {
  it('runs 20 working days from the day after receipt', () => {
    // 3/3–6 1–4, 3/9–13 5–9, 3/16–20 10–14, 3/23–27 15–19, 3/30 20.
    expect(caseDeadline(received, calendar, '2026-03-02')).toEqual({
      dueOn: '2026-03-30',
      baseDays: 20,
      provisional: false,
      extensionDays: 0,
      pausedWorkingDays: 0,
      paused: false,
      workingDaysLeft: 20,
      overdue: false,
      answeredLate: false,
    });
  });

  it('counts down to 0 on the due day and below once past it', () => {
    expect(caseDeadline(received, calendar, '2026-03-27').workingDaysLeft).toBe(1);
    expect(caseDeadline(received, calendar, '2026-03-28').workingDaysLeft).toBe(1);
    expect(caseDeadline(received, calendar, '2026-03-30')).toMatchObject({ workingDaysLeft: 0, overdue: false });
    expect(caseDeadline(received, calendar, '2026-04-01')).toMatchObject({ workingDaysLeft: -2, overdue: true });
    // 4/4–6 are 清明: still two working days late on 4/6, three on 4/7.
    expect(caseDeadline(received, calendar, '2026-04-06').workingDaysLeft).toBe(-4);
    expect(caseDeadline(received, calendar, '2026-04-07').workingDaysLeft).toBe(-5);
  });

  it('crosses 国庆 2026 and counts the 调休 Saturday 10月10日', () => {
    const state = { ...received, receivedOn: '2026-09-28', periodStartsOn: '2026-09-28' };
    expect(caseDeadline(state, calendar, '2026-09-28').dueOn).toBe('2026-10-30');
  });

  it('adds an approved extension, and not a pending or rejected one', () => {
    const asked = { days: 15, reason: '需调取档案', requestedOn: '2026-03-20' };
    const pending: CaseState = { ...received, extension: asked };
    expect(caseDeadline(pending, calendar, '2026-03-20')).toMatchObject({ dueOn: '2026-03-30', extensionDays: 0 });
    const rejected: CaseState = { ...received, extension: { ...asked, rejectedOn: '2026-03-23' } };
    expect(caseDeadline(rejected, calendar, '2026-03-23').dueOn).toBe('2026-03-30');
    const approved: CaseState = { ...received, extension: { ...asked, approvedOn: '2026-03-23' } };
    // 3/30 + 15: 3/31–4/3 1–4, (4/4–6 清明), 4/7–10 5–8, 4/13–17 9–13, 4/20–21 14–15.
    expect(caseDeadline(approved, calendar, '2026-03-23')).toMatchObject({ dueOn: '2026-04-21', extensionDays: 15 });
  });
});

describe('caseDeadline: pauses', () => {
  it('does not count the working days d with from < d ≤ to', () => {
    // Consultation from Tuesday 3/10 to Tuesday 3/17: 3/11, 3/12, 3/13, 3/16, 3/17 do not count (5).
    const state: CaseState = { ...received, pauses: [{ kind: 'consultation', from: '2026-03-10', to: '2026-03-17' }] };
    // 3/30 + 5 working days: 3/31, 4/1, 4/2, 4/3, (4/4–6 清明), 4/7.
    expect(caseDeadline(state, calendar, '2026-03-18')).toMatchObject({
      dueOn: '2026-04-07',
      pausedWorkingDays: 5,
      paused: false,
    });
  });

  it('loses no day to a pause that starts and ends on the same day', () => {
    const state: CaseState = { ...received, pauses: [{ kind: 'consultation', from: '2026-03-10', to: '2026-03-10' }] };
    expect(caseDeadline(state, calendar, '2026-03-10')).toMatchObject({ dueOn: '2026-03-30', pausedWorkingDays: 0 });
  });

  it('has no due date while a pause is open, and gives the consultation its 15 days', () => {
    const state: CaseState = {
      ...received,
      status: 'consulting',
      pauses: [{ kind: 'consultation', from: '2026-03-10' }],
    };
    // 15 working days after 3/10: 3/11–13 1–3, 3/16–20 4–8, 3/23–27 9–13, 3/30–31 14–15.
    expect(caseDeadline(state, calendar, '2026-03-16')).toEqual({
      dueOn: null,
      baseDays: 20,
      provisional: false,
      extensionDays: 0,
      pausedWorkingDays: 4, // 3/11, 3/12, 3/13 and today 3/16
      paused: true,
      workingDaysLeft: null,
      overdue: false,
      answeredLate: false,
      consultationDueOn: '2026-03-31',
    });
  });

  it('keeps a due date that had passed before a late pause began', () => {
    // The consultation starts on 4/1, after the due date 3/30: the case stays overdue.
    const state: CaseState = {
      ...received,
      status: 'consulting',
      pauses: [{ kind: 'consultation', from: '2026-04-01' }],
    };
    expect(caseDeadline(state, calendar, '2026-04-02')).toMatchObject({
      dueOn: '2026-03-30',
      paused: true,
      overdue: true,
      workingDaysLeft: -3,
      pausedWorkingDays: 0,
    });
    // A pause from the due day itself: the due day was counted, so nothing is left to stop.
    const onDueDay: CaseState = { ...state, pauses: [{ kind: 'consultation', from: '2026-03-30' }] };
    expect(answerDueOn(onDueDay, calendar)).toBe('2026-03-30');
    const dayBefore: CaseState = { ...state, pauses: [{ kind: 'consultation', from: '2026-03-27' }] };
    expect(answerDueOn(dayBefore, calendar)).toBeNull();
  });

  it('reports the fee due date while the fee is unpaid', () => {
    const fee = {
      method: 'perPage',
      quantity: 120,
      amount: 1100,
      noticeOn: '2026-03-10',
      dueOn: '2026-04-08',
    } as const;
    const state: CaseState = {
      ...received,
      status: 'awaitingFee',
      fee,
      pauses: [{ kind: 'fee', from: '2026-03-10' }],
    };
    expect(caseDeadline(state, calendar, '2026-03-12')).toMatchObject({
      dueOn: null,
      paused: true,
      feeDueOn: '2026-04-08',
      pausedWorkingDays: 2,
    });
    const paid: CaseState = {
      ...state,
      status: 'inProgress',
      fee: { ...fee, paidOn: '2026-03-17' },
      pauses: [{ kind: 'fee', from: '2026-03-10', to: '2026-03-17' }],
    };
    expect(caseDeadline(paid, calendar, '2026-03-17')).not.toHaveProperty('feeDueOn');
  });

  it('ignores pause days before a restarted period', () => {
    const state: CaseState = {
      ...received,
      periodStartsOn: '2026-03-09',
      correction: { noticeOn: '2026-03-04', dueOn: '2026-03-25', correctedOn: '2026-03-09' },
      pauses: [{ kind: 'consultation', from: '2026-03-02', to: '2026-03-04' }],
    };
    // 20 working days after 3/9: 3/10–13 1–4, 3/16–20 5–9, 3/23–27 10–14, 3/30–4/3 15–19, (清明), 4/7 20.
    expect(caseDeadline(state, calendar, '2026-03-09')).toMatchObject({ dueOn: '2026-04-07', pausedWorkingDays: 0 });
  });
});

describe('caseDeadline: 补正', () => {
  it('has no due date while a correction is awaited', () => {
    const state: CaseState = {
      ...received,
      status: 'awaitingCorrection',
      correction: { noticeOn: '2026-03-04', dueOn: '2026-03-25' },
    };
    expect(caseDeadline(state, calendar, '2026-03-05')).toEqual({
      dueOn: null,
      baseDays: 20,
      provisional: false,
      extensionDays: 0,
      pausedWorkingDays: 0,
      paused: true,
      workingDaysLeft: null,
      overdue: false,
      answeredLate: false,
      correctionDueOn: '2026-03-25',
    });
  });

  it('wants the notice within 7 working days of receipt (第三十条)', () => {
    expect(correctionNoticeDueOn(received, calendar)).toBe('2026-03-11');
    // Received on Friday 2026-02-06: 2/9–13 1–5, 2/14 (Sat, 调休) 6, (春节 2/15–23), 2/24 7.
    expect(correctionNoticeDueOn({ ...received, receivedOn: '2026-02-06' }, calendar)).toBe('2026-02-24');
  });
});

describe('caseDeadline: closed cases', () => {
  const answered = (closedOn: string): CaseState => ({
    ...received,
    status: 'closed',
    answer: { outcome: 'granted', draftedOn: closedOn, approvedOn: closedOn },
    outcome: 'granted',
    closedOn,
  });

  it('is not overdue when answered by the due date, whatever today is', () => {
    expect(caseDeadline(answered('2026-03-30'), calendar, '2026-06-01')).toMatchObject({
      dueOn: '2026-03-30',
      workingDaysLeft: null,
      overdue: false,
      answeredLate: false,
      paused: false,
    });
  });

  it('was answered late when closed after the due date', () => {
    expect(caseDeadline(answered('2026-03-31'), calendar, '2026-03-31')).toMatchObject({
      overdue: true,
      answeredLate: true,
    });
  });

  it('has no due date when it lapsed for want of a correction', () => {
    const lapsed: CaseState = {
      ...received,
      status: 'closed',
      correction: { noticeOn: '2026-03-04', dueOn: '2026-03-25' },
      outcome: 'other.noCorrection',
      closedOn: '2026-03-26',
    };
    expect(caseDeadline(lapsed, calendar, '2026-04-30')).toMatchObject({
      dueOn: null,
      paused: false,
      overdue: false,
      answeredLate: false,
    });
    expect(caseDeadline(lapsed, calendar, '2026-04-30')).not.toHaveProperty('correctionDueOn');
  });
});

describe('caseDeadline: errors', () => {
  it('refuses a malformed today', () => {
    expect(() => caseDeadline(received, calendar, '2026/03/02')).toThrow(CalendarError);
  });

  it('gives a case reaching a year without a notice a provisional deadline (was: year-not-covered)', () => {
    const late: CaseState = { ...received, receivedOn: '2026-12-20', periodStartsOn: '2026-12-20' };
    expect(caseDeadline(late, calendar, '2026-12-21')).toMatchObject({ dueOn: '2027-01-18', provisional: true });
    const early: CaseState = { ...received, receivedOn: '2026-11-02', periodStartsOn: '2026-11-02' };
    expect(caseDeadline(early, calendar, '2026-11-03')).toMatchObject({ dueOn: '2026-11-30', provisional: false });
  });
});
