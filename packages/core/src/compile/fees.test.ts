import { describe, expect, it } from 'vitest';
import { defaultWorkCalendar } from '../calendar/index.js';
import { applyAction, startCase } from '../cases/machine.js';
import type { CaseState } from '../cases/state.js';
import { feeSentence, feeSummary } from './fees.js';

describe('the fee sentence of section 六', () => {
  const calendar = defaultWorkCalendar();
  const received = startCase({ channel: 'online', applicantKind: 'natural', receivedOn: '2025-03-03' });
  const notice = (pages: number, on: string, from: CaseState = received): CaseState =>
    applyAction(from, { type: 'sendFeeNotice', on, method: 'perPage', quantity: pages }, calendar);

  it('counts the notices of the year, their amount and what was paid', () => {
    const paid = applyAction(notice(150, '2025-03-05'), { type: 'recordPayment', on: '2025-03-10' }, calendar);
    const unpaid = notice(40, '2025-03-06');
    const lastYear = notice(300, '2024-12-30', { ...received, receivedOn: '2024-12-20', periodStartsOn: '2024-12-20' });
    const fees = feeSummary(
      [paid, unpaid, lastYear, received].map((state) => state.fee),
      2025,
    );
    expect(fees).toEqual({ notices: 2, amount: 1700 + 100, collected: 1700 });
    expect(feeSentence(fees, 2025)).toBe('2025年度本机关发出信息处理费收费通知2件，金额共计1800元，实际收取1700元。');
  });
});
