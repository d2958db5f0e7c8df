// The case machine step by step: 补正, 征求意见, 收费, 延期 and 答复, each against the article that
// governs it (the statuses and actions as a whole are in machine.test.ts).
import { describe, expect, it } from 'vitest';
import { apply, calendar, fresh, IN_STATUS, ruleError, run } from '../../test/support/cases.js';
import { caseDeadline } from './deadline.js';
import { allowedActions, startCase } from './machine.js';
import type { CaseAction } from './state.js';

describe('补正 (第三十条)', () => {
  // Received on Friday 2026-02-06. The notice is due 7 working days later: 2/9–13 1–5,
  // 2/14 (Saturday, 调休) 6, (春节 2/15–23), 2/24 7.
  const beforeSpringFestival = () =>
    startCase({ channel: 'inPerson', applicantKind: 'natural', receivedOn: '2026-02-06' });
  const note = '请补充所需信息的文号';

  it('must go out within 7 working days of receipt', () => {
    expect(apply(beforeSpringFestival(), { type: 'requestCorrection', on: '2026-02-24', note }).status).toBe(
      'awaitingCorrection',
    );
    const error = ruleError(() => apply(beforeSpringFestival(), { type: 'requestCorrection', on: '2026-02-25', note }));
    expect(error.code).toBe('correction-notice-late');
    expect(error.message).toContain('2026-02-24');
  });

  it('gives 15 working days by default, or the day the officer sets', () => {
    // From 2/12: 2/13 1, 2/14 (Sat) 2, (春节), 2/24–27 3–6, 2/28 (Sat) 7, 3/2–6 8–12, 3/9–11 13–15.
    const state = apply(beforeSpringFestival(), { type: 'requestCorrection', on: '2026-02-12', note });
    expect(state.correction).toEqual({ noticeOn: '2026-02-12', dueOn: '2026-03-11' });
    const chosen = apply(beforeSpringFestival(), {
      type: 'requestCorrection',
      on: '2026-02-12',
      note,
      dueOn: '2026-03-02',
    });
    expect(chosen.correction?.dueOn).toBe('2026-03-02');
    for (const dueOn of ['2026-02-12', '2026-02-11']) {
      const error = ruleError(() =>
        apply(beforeSpringFestival(), { type: 'requestCorrection', on: '2026-02-12', note, dueOn }),
      );
      expect(error.code).toBe('correction-due-invalid');
    }
    expect(
      ruleError(() =>
        apply(beforeSpringFestival(), { type: 'requestCorrection', on: '2026-02-12', note, dueOn: '2026-3-2' }),
      ).code,
    ).toBe('bad-date');
  });

  it('must say what to correct', () => {
    expect(
      ruleError(() => apply(beforeSpringFestival(), { type: 'requestCorrection', on: '2026-02-12', note: ' ' })).code,
    ).toBe('correction-note-missing');
  });

  it('is given once only (一次性告知)', () => {
    const corrected = run(
      beforeSpringFestival(),
      { type: 'requestCorrection', on: '2026-02-10', note },
      { type: 'receiveCorrection', on: '2026-02-12' },
    );
    expect(allowedActions(corrected)).not.toContain('requestCorrection');
    const error = ruleError(() => apply(corrected, { type: 'requestCorrection', on: '2026-02-13', note }));
    expect(error.code).toBe('correction-repeated');
    expect(error.message).toContain('2026-02-10');
  });

  it('lapses only after its last day, and cannot be received after it', () => {
    const awaiting = apply(beforeSpringFestival(), { type: 'requestCorrection', on: '2026-02-12', note });
    expect(ruleError(() => apply(awaiting, { type: 'lapseCorrection', on: '2026-03-11' })).code).toBe(
      'correction-not-lapsed',
    );
    const late = ruleError(() => apply(awaiting, { type: 'receiveCorrection', on: '2026-03-12' }));
    expect(late.code).toBe('correction-late');
    expect(late.message).toContain('逾期未补正');
    expect(apply(awaiting, { type: 'receiveCorrection', on: '2026-03-11' }).periodStartsOn).toBe('2026-03-11');
    const lapsed = apply(awaiting, { type: 'lapseCorrection', on: '2026-03-12' });
    expect(lapsed).toMatchObject({ status: 'closed', outcome: 'other.noCorrection', closedOn: '2026-03-12' });
    expect(caseDeadline(lapsed, calendar, '2026-03-12')).toMatchObject({ dueOn: null, overdue: false });
  });
});

describe('scenario: received just before 国庆 2026, corrected, consulted, extended', () => {
  // Received on Friday 2026-09-18 (the 2026 notice: 中秋 9/25–27 off; 国庆 10/1–7 off; Sunday 9/20
  // and Saturday 10/10 worked).
  const received = startCase({ channel: 'registeredMail', applicantKind: 'research', receivedOn: '2026-09-18' });

  it('runs every period by the 2026 calendar', () => {
    // Without any event the answer is due 20 working days after 9/18: 9/20 (Sun, 调休) 1,
    // 9/21–24 2–5, (中秋 9/25–27), 9/28–30 6–8, (国庆 10/1–7), 10/8–9 9–10, 10/10 (Sat) 11,
    // 10/12–16 12–16, 10/19–22 17–20.
    expect(caseDeadline(received, calendar, '2026-09-18').dueOn).toBe('2026-10-22');

    // 补正 notice due 7 working days after receipt: 9/20 1, 9/21–24 2–5, 9/28 6, 9/29 7.
    // Sent on Tuesday 9/22; the correction is due 15 working days later: 9/23–24 1–2,
    // 9/28–30 3–5, 10/8–9 6–7, 10/10 (Sat) 8, 10/12–16 9–13, 10/19–20 14–15.
    const awaiting = apply(received, { type: 'requestCorrection', on: '2026-09-22', note: '请明确所需信息的时间范围' });
    expect(awaiting.correction?.dueOn).toBe('2026-10-20');
    expect(caseDeadline(awaiting, calendar, '2026-09-23')).toMatchObject({
      dueOn: null,
      paused: true,
      correctionDueOn: '2026-10-20',
    });

    // The corrected application arrives on Tuesday 9/29: the period starts again from it.
    // 9/30 1, (国庆), 10/8–9 2–3, 10/10 (Sat) 4, 10/12–16 5–9, 10/19–23 10–14, 10/26–30 15–19, 11/2 20.
    const corrected = apply(awaiting, { type: 'receiveCorrection', on: '2026-09-29' });
    expect(corrected).toMatchObject({ status: 'inProgress', periodStartsOn: '2026-09-29' });
    expect(caseDeadline(corrected, calendar, '2026-09-29').dueOn).toBe('2026-11-02');

    // A third party is consulted on Monday 10/12 (that day still counts: 9/30, 10/8, 10/9, 10/10,
    // 10/12 = 5 used). Its 15 working days: 10/13–16 1–4, 10/19–23 5–9, 10/26–30 10–14, 11/2 15.
    const consulting = apply(corrected, { type: 'startConsultation', on: '2026-10-12', note: '征求第三方意见' });
    expect(caseDeadline(consulting, calendar, '2026-10-14')).toMatchObject({
      dueOn: null,
      paused: true,
      consultationDueOn: '2026-11-02',
    });

    // The views come on Friday 10/23: 10/13–16 and 10/19–23 (9 working days) did not count.
    // 15 days remain from 10/26: 10/26–30 6–10, 11/2–6 11–15, 11/9–13 16–20.
    const consulted = apply(consulting, { type: 'endConsultation', on: '2026-10-23' });
    expect(caseDeadline(consulted, calendar, '2026-10-23')).toMatchObject({
      dueOn: '2026-11-13',
      pausedWorkingDays: 9,
      paused: false,
    });

    // A 10-day extension asked for on 11/10 and approved on 11/11: 11/16–20 1–5, 11/23–27 6–10.
    const asked = apply(consulted, { type: 'requestExtension', on: '2026-11-10', days: 10, reason: '涉及多个部门' });
    expect(caseDeadline(asked, calendar, '2026-11-10').dueOn).toBe('2026-11-13');
    const extended = apply(asked, { type: 'approveExtension', on: '2026-11-11' });
    expect(caseDeadline(extended, calendar, '2026-11-20')).toMatchObject({
      dueOn: '2026-11-27',
      extensionDays: 10,
      workingDaysLeft: 5,
      overdue: false,
    });

    // Drafted on 11/25, returned once, drafted again, approved on 11/27: on time.
    const closed = run(
      extended,
      { type: 'draftAnswer', on: '2026-11-25', outcome: 'partial' },
      { type: 'returnAnswer', on: '2026-11-26', note: '请补充不予公开部分的理由' },
      { type: 'draftAnswer', on: '2026-11-26', outcome: 'partial' },
      { type: 'approveAnswer', on: '2026-11-27' },
    );
    expect(closed).toMatchObject({
      status: 'closed',
      outcome: 'partial',
      closedOn: '2026-11-27',
      answer: { outcome: 'partial', draftedOn: '2026-11-26', approvedOn: '2026-11-27' },
    });
    expect(caseDeadline(closed, calendar, '2026-12-31')).toMatchObject({ overdue: false, answeredLate: false });
  });
});

describe('收费 (第四十二条, 国办函〔2020〕109号)', () => {
  // Received Monday 2026-03-02, due 3/30. Fee notice on Tuesday 3/10 for 120 pages: 1100元,
  // payable within 20 working days: 3/11–13 1–3, 3/16–20 4–8, 3/23–27 9–13, 3/30–4/3 14–18,
  // (清明 4/4–6), 4/7–8 19–20.
  const notice: CaseAction = { type: 'sendFeeNotice', on: '2026-03-10', method: 'perPage', quantity: 120 };

  it('pauses the period until payment: paid after 5 working days, due 5 working days later', () => {
    const awaiting = apply(fresh(), notice);
    expect(awaiting.fee).toEqual({
      method: 'perPage',
      quantity: 120,
      amount: 1100,
      noticeOn: '2026-03-10',
      dueOn: '2026-04-08',
    });
    expect(caseDeadline(awaiting, calendar, '2026-03-11')).toMatchObject({
      dueOn: null,
      paused: true,
      feeDueOn: '2026-04-08',
    });
    // Paid on Tuesday 3/17: 3/11, 3/12, 3/13, 3/16, 3/17 did not count (5). 3/30 + 5 working days:
    // 3/31, 4/1, 4/2, 4/3, (清明 4/4–6), 4/7.
    const paid = apply(awaiting, { type: 'recordPayment', on: '2026-03-17' });
    expect(paid).toMatchObject({ status: 'inProgress', fee: { paidOn: '2026-03-17' } });
    expect(paid.pauses).toEqual([{ kind: 'fee', from: '2026-03-10', to: '2026-03-17' }]);
    expect(caseDeadline(paid, calendar, '2026-03-17')).toMatchObject({ dueOn: '2026-04-07', pausedWorkingDays: 5 });
  });

  it('lapses when unpaid after the last day, and refuses a late payment', () => {
    const awaiting = apply(fresh(), notice);
    expect(ruleError(() => apply(awaiting, { type: 'lapseFee', on: '2026-04-08' })).code).toBe('fee-not-lapsed');
    expect(ruleError(() => apply(awaiting, { type: 'recordPayment', on: '2026-04-09' })).code).toBe('payment-late');
    expect(apply(awaiting, { type: 'recordPayment', on: '2026-04-08' }).status).toBe('inProgress');
    const lapsed = apply(awaiting, { type: 'lapseFee', on: '2026-04-09' });
    expect(lapsed).toMatchObject({ status: 'closed', outcome: 'other.unpaidFee', closedOn: '2026-04-09' });
    expect(caseDeadline(lapsed, calendar, '2026-04-09')).toMatchObject({ dueOn: null, answeredLate: false });
  });

  it('is sent once, for a fee above zero, within the answer period', () => {
    const paid = run(fresh(), notice, { type: 'recordPayment', on: '2026-03-12' });
    expect(ruleError(() => apply(paid, { ...notice, on: '2026-03-13' })).code).toBe('fee-repeated');
    for (const quantity of [30, 0]) {
      const error = ruleError(() => apply(fresh(), { ...notice, quantity }));
      expect(error.code).toBe('fee-zero');
    }
    expect(ruleError(() => apply(fresh(), { ...notice, method: 'perApplication', quantity: 10 })).code).toBe(
      'fee-zero',
    );
    expect(ruleError(() => apply(fresh(), { ...notice, quantity: -3 })).code).toBe('fee-quantity-invalid');
    expect(ruleError(() => apply(fresh(), { ...notice, quantity: 1.5 })).code).toBe('fee-quantity-invalid');
    expect(ruleError(() => apply(fresh(), { ...notice, method: 'perWord' as never })).code).toBe(
      'fee-quantity-invalid',
    );
    expect(apply(fresh(), { ...notice, on: '2026-03-30' }).status).toBe('awaitingFee');
    expect(ruleError(() => apply(fresh(), { ...notice, on: '2026-03-31' })).code).toBe('fee-notice-late');
  });

  it('charges 按件 by the ordinal of the application in the month', () => {
    expect(apply(fresh(), { ...notice, method: 'perApplication', quantity: 31 }).fee?.amount).toBe(200);
  });
});

describe('延期 (第三十三条)', () => {
  const ask = (on: string, days = 10, reason = '需要调取档案'): CaseAction => ({
    type: 'requestExtension',
    on,
    days,
    reason,
  });

  it('takes 1 to 20 whole working days and a reason', () => {
    for (const days of [0, 21, 2.5, -1])
      expect(ruleError(() => apply(fresh(), ask('2026-03-03', days))).code).toBe('extension-days-invalid');
    expect(apply(fresh(), ask('2026-03-03', 20)).extension?.days).toBe(20);
    expect(apply(fresh(), ask('2026-03-03', 1)).extension?.days).toBe(1);
    expect(ruleError(() => apply(fresh(), ask('2026-03-03', 5, '  '))).code).toBe('extension-reason-missing');
  });

  it('is asked for by the due date, or while the clock stands still', () => {
    expect(apply(fresh(), ask('2026-03-30')).extension?.requestedOn).toBe('2026-03-30');
    const error = ruleError(() => apply(fresh(), ask('2026-03-31')));
    expect(error.code).toBe('extension-late');
    expect(error.message).toContain('2026-03-30');
    const consulting = apply(fresh(), { type: 'startConsultation', on: '2026-03-20', note: '征求意见' });
    expect(apply(consulting, ask('2026-04-20')).extension?.requestedOn).toBe('2026-04-20');
  });
});

describe('答复', () => {
  it('takes an answer outcome, never a lapse', () => {
    for (const outcome of ['other.noCorrection', 'other.unpaidFee', 'granted.maybe'] as const) {
      const error = ruleError(() =>
        apply(fresh(), { type: 'draftAnswer', on: '2026-03-03', outcome: outcome as never }),
      );
      expect(error.code).toBe('outcome-not-allowed');
    }
  });

  it('closes on approval with the drafted outcome, and reopens on return', () => {
    const pending = apply(fresh(), { type: 'draftAnswer', on: '2026-03-05', outcome: 'unable.notHeld' });
    expect(apply(pending, { type: 'approveAnswer', on: '2026-03-06' })).toMatchObject({
      status: 'closed',
      outcome: 'unable.notHeld',
      closedOn: '2026-03-06',
    });
    const returned = apply(pending, { type: 'returnAnswer', on: '2026-03-06', note: '请核实' });
    expect(returned.status).toBe('inProgress');
    expect(returned).not.toHaveProperty('answer');
  });

  it('closes a withdrawn case as 其他', () => {
    expect(IN_STATUS.closed()).toMatchObject({ status: 'closed', outcome: 'other.other', closedOn: '2026-03-03' });
  });
});
