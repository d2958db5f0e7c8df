import { FEE_METHOD_LABELS, type FeeMethod } from '../../../cases/model.js';
import {
  DEEMED_ABANDONED,
  dueDate,
  FEE_MEASURES,
  provisionalParagraphs,
  receivedParagraph,
  REGULATIONS,
} from '../common.js';
import { chineseMonth, yuan } from '../format.js';
import type { KindHandler, LetterTable } from '../model.js';
import type { CheckedLetterInput } from '../schema.js';

type Fee = NonNullable<CheckedLetterInput['fee']>;

/** The tiers of 国办函〔2020〕109号, which the notice must state as its 收费标准. */
const FEE_STANDARDS: Readonly<Record<FeeMethod, string>> = {
  perApplication:
    '同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；第11件至第30件，每件收费100元；第31件至第40件，每件收费200元；此后每10件为一档，每增加一档，每件收费标准提高100元',
  perPage:
    '30页以下（含30页）的，不收费；第31页至第100页，每页收费10元；第101页至第200页，每页收费20元；第201页起，每页收费40元',
};

const UNITS: Readonly<Record<FeeMethod, string>> = { perApplication: '件', perPage: '页' };

/** What was counted: this application's place in the applicant's month, or the pages supplied. */
function counted(fee: Fee, input: CheckedLetterInput): string {
  return fee.method === 'perApplication'
    ? `本申请为您在${chineseMonth(input.application.receivedOn)}提出的第${fee.quantity}件政府信息公开申请`
    : `本机关向您提供的信息共${fee.quantity}页`;
}

/** The breakdown as a table, with a total row whose amount is the sum due. */
function breakdownTable(fee: Fee): LetterTable | undefined {
  if (!fee.breakdown?.length) return undefined;
  const quantity = fee.breakdown.reduce((sum, tier) => sum + tier.quantity, 0);
  return {
    kind: 'table',
    header: ['计费档次', `数量（${UNITS[fee.method]}）`, '单价（元）', '金额（元）'],
    rows: [
      ...fee.breakdown.map((tier) => [tier.label, String(tier.quantity), yuan(tier.price), yuan(tier.subtotal)]),
      ['合计', String(quantity), '', yuan(fee.amount)],
    ],
  };
}

/**
 * 信息处理费收费通知书 (第四十二条, 国办函〔2020〕109号): the basis, the standard, what was
 * counted, the amount with its breakdown, and the period to pay with what follows if unpaid.
 */
export const feeNotice: KindHandler = (input) => {
  const fee = input.fee as Fee;
  const table = breakdownTable(fee);
  const method = FEE_METHOD_LABELS[fee.method];
  return {
    addressee: `${input.application.applicantName}：`,
    opening: [
      receivedParagraph(input),
      `根据${REGULATIONS}第四十二条和${FEE_MEASURES}的规定，您的申请应当缴纳信息处理费。本机关对您的申请${method}，收费标准为：${FEE_STANDARDS[fee.method]}。`,
      `${counted(fee, input)}，应缴纳信息处理费${yuan(fee.amount)}元${table ? '，计算如下：' : '。'}`,
      ...(table ? [table] : []),
      `请您自收到本通知之次日起20个工作日内，即${dueDate(input, fee.dueOn)}前，缴纳上述费用。自本机关发出本通知之日起至您缴纳费用之日止的期间，不计算在答复期限内。您逾期未缴纳的，${DEEMED_ABANDONED}。`,
    ],
    closing: provisionalParagraphs(input),
  };
};
