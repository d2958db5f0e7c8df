import type { CaseState } from '../cases/state.js';

/** Section 六 of the 2021 format reports the fee notices of the year and the amount collected. */
export interface FeeSummary {
  readonly notices: number;
  readonly amount: number;
  readonly collected: number;
}

/** The fee notices sent in `year` (by their date), their amount and what of it was paid. */
export function feeSummary(feeNotices: readonly CaseState['fee'][], year: number): FeeSummary {
  let notices = 0;
  let amount = 0;
  let collected = 0;
  for (const fee of feeNotices) {
    if (!fee || !fee.noticeOn.startsWith(`${year}-`)) continue;
    notices += 1;
    amount += fee.amount;
    if (fee.paidOn) collected += fee.amount;
  }
  return { notices, amount, collected };
}

/** The sentence on fees that section 六 needs, written from the records. */
export function feeSentence(fees: FeeSummary, year: number): string {
  if (fees.notices === 0) return `${year}年度本机关未发出信息处理费收费通知，未收取信息处理费。`;
  return `${year}年度本机关发出信息处理费收费通知${fees.notices}件，金额共计${fees.amount}元，实际收取${fees.collected}元。`;
}
