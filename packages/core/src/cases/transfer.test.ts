import { describe, expect, it } from 'vitest';
import { defaultWorkCalendar } from '../calendar/data.js';
import { caseDeadline } from './deadline.js';
import { CaseRuleError } from './errors.js';
import { allowedActions, applyAction, REFERRAL_OUTCOME, startCase } from './machine.js';
import { caseReminderTitle, deadlineReminder } from './reminders.js';
import { percentile, timeliness } from './timeliness.js';

const calendar = defaultWorkCalendar();
const received = startCase({ channel: 'online', applicantKind: 'natural', receivedOn: '2026-03-02' });

describe('转办 (第三十六条第（五）项)', () => {
  it('closes the case as 本机关不掌握, naming the organ responsible', () => {
    const next = applyAction(
      received,
      { type: 'transfer', on: '2026-03-04', organName: ' 相山区教育局 ', note: '属教育局职责' },
      calendar,
    );
    expect(next).toMatchObject({
      status: 'closed',
      outcome: REFERRAL_OUTCOME,
      closedOn: '2026-03-04',
      referral: { organName: '相山区教育局', on: '2026-03-04' },
    });
    expect(REFERRAL_OUTCOME).toBe('unable.notHeld');
    expect(caseDeadline(next, calendar, '2026-03-04')).toMatchObject({ overdue: false, answeredLate: false });
  });

  it('refuses a transfer without the organ, or once a draft is pending', () => {
    expect(() =>
      applyAction(received, { type: 'transfer', on: '2026-03-04', organName: ' ', note: '说明' }, calendar),
    ).toThrow(/行政机关名称/);
    const drafted = applyAction(received, { type: 'draftAnswer', on: '2026-03-03', outcome: 'granted' }, calendar);
    expect(allowedActions(drafted)).not.toContain('transfer');
    expect(() =>
      applyAction(drafted, { type: 'transfer', on: '2026-03-04', organName: '某局', note: '说明' }, calendar),
    ).toThrow(CaseRuleError);
  });

  it("starts the receiving organ's clock on its own receipt", () => {
    const there = startCase({ channel: 'online', applicantKind: 'natural', receivedOn: '2026-03-20' });
    expect(caseDeadline(there, calendar, '2026-03-20').dueOn).toBe(calendar.addWorkingDays('2026-03-20', 20));
  });
});

describe('reminders', () => {
  it('picks the window from the working days left', () => {
    expect([null, -1, 0, 1, 2, 3, 4].map(deadlineReminder)).toEqual([
      null,
      'overdue',
      'dueIn1',
      'dueIn1',
      'dueIn3',
      'dueIn3',
      null,
    ]);
  });

  it('names the case number and deadline only', () => {
    expect(
      caseReminderTitle('dueIn3', { serialNo: '〔2026〕XSYJ依申第1号', dueOn: '2026-03-30', workingDaysLeft: 3 }),
    ).toBe('申请〔2026〕XSYJ依申第1号距答复期限还有3个工作日，答复期限2026-03-30');
    expect(caseReminderTitle('transferredIn', { serialNo: 'X1', from: '相山区应急管理局' })).toBe(
      '相山区应急管理局转办申请X1',
    );
  });
});

describe('timeliness', () => {
  it('interpolates percentiles between closest ranks', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBeCloseTo(9.1);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('counts working days to answer on the calendar and the share answered late', () => {
    // 2026-03-02 (Mon) to 03-09 (Mon): 5 working days; to 04-01: 22 working days (after the due date 03-30).
    const result = timeliness(
      [
        { receivedOn: '2026-03-02', closedOn: '2026-03-09', dueOn: '2026-03-30' },
        { receivedOn: '2026-03-02', closedOn: '2026-04-01', dueOn: '2026-03-30' },
        { receivedOn: '2026-03-02', closedOn: null, dueOn: '2026-03-30' },
      ],
      calendar,
    );
    expect(result).toEqual({
      inHand: 1,
      answered: 2,
      medianWorkingDays: 13.5,
      p90WorkingDays: 20.3, // 5 + 17 × 0.9, to a tenth
      answeredLate: 1,
      lateShare: 0.5,
    });
  });
});
