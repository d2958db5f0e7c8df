import { z } from 'zod';
import { FEE_METHODS, OUTCOMES } from '../../cases/model.js';
import { formatPath } from '../../model/validate.js';

/**
 * The input of a letter to an applicant (or, for a consultation, to a third party), checked at
 * run time because it comes from a form on the server. Types are inferred from the schema so the
 * two cannot disagree; every message is Chinese and names the field.
 */

export const LETTER_KINDS = [
  'answer',
  'correctionNotice',
  'extensionNotice',
  'feeNotice',
  'consultationNotice',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_TITLES: Readonly<Record<LetterKind, string>> = {
  answer: '政府信息公开申请答复书',
  correctionNotice: '补正申请告知书',
  extensionNotice: '延长答复期限告知书',
  feeNotice: '信息处理费收费通知书',
  consultationNotice: '征求第三方意见函',
};

const zhCN = z.locales.zhCN().localeError;

const text = z.string().trim().min(1, { error: '不能为空' });
const isoDate = z.iso.date({ error: '应为 YYYY-MM-DD 格式的日期' });
const count = z.number().int({ error: '应为整数' }).positive({ error: '应为正数' });
const money = z.number().finite().nonnegative({ error: '不能为负数' });

const FeeTierSchema = z
  .object({
    label: text.describe('计费档次，如“第31至100页”'),
    quantity: count.describe('本档数量（件或页）'),
    price: money.describe('本档单价（元）'),
    subtotal: money.describe('本档金额（元）'),
  })
  .strict();

const LetterInputObject = z
  .object({
    kind: z.enum(LETTER_KINDS),
    organ: z
      .object({
        name: text.describe('行政机关全称，用于署名'),
        address: text.optional().describe('联系地址'),
        phone: text.optional().describe('联系电话'),
        reviewBody: text.optional().describe('行政复议机关，如“某某县人民政府”'),
        court: text.optional().describe('管辖法院'),
      })
      .strict(),
    application: z
      .object({
        serialNo: text.describe('文号，如“〔2026〕应急依申第12号”'),
        applicantName: text.describe('申请人姓名或名称'),
        receivedOn: isoDate.describe('收到申请之日（第三十一条）'),
        request: text.describe('所需信息的内容描述'),
      })
      .strict(),
    issuedOn: isoDate.describe('成文日期'),
    outcome: z.enum(OUTCOMES).optional().describe('办理结果（答复书必填）'),
    published: z
      .object({ where: text.describe('获取途径，如“本机关门户网站政府信息公开专栏”') })
      .strict()
      .optional()
      .describe('予以公开的信息已经主动公开时的获取途径（第三十六条第（一）项）'),
    referral: z
      .object({
        organName: text.describe('负责公开该政府信息的行政机关名称'),
        forwarded: z.boolean().optional().describe('申请已在平台内转交该机关'),
      })
      .strict()
      .optional()
      .describe('不属于本机关负责公开时告知的行政机关（第三十六条第（五）项）'),
    body: z.string().optional().describe('经办人自拟的段落，以换行分段'),
    correction: z
      .object({ dueOn: isoDate.describe('补正期限'), items: text.describe('需要补正的事项') })
      .strict()
      .optional(),
    extension: z
      .object({
        days: count.max(20, { error: '延长的期限最长不得超过20个工作日（第三十三条第二款）' }),
        dueOn: isoDate.describe('延长后的答复期限'),
        reason: text.describe('延期理由'),
      })
      .strict()
      .optional(),
    fee: z
      .object({
        method: z.enum(FEE_METHODS),
        quantity: count.describe('按件：本月第几件申请；按量：页数'),
        amount: money.describe('应缴金额（元）'),
        dueOn: isoDate.describe('缴费期限'),
        breakdown: z.array(FeeTierSchema).readonly().optional().describe('分档计费明细'),
      })
      .strict()
      .optional(),
    consultation: z
      .object({ thirdParty: text.describe('第三方名称或姓名'), dueOn: isoDate.describe('提出意见的期限') })
      .strict()
      .optional(),
    provisionalDates: z.boolean().optional().describe('所载期限按暂定日历计算（该年度国务院办公厅放假安排尚未公布）'),
  })
  .strict();

/** The block each kind cannot do without, and the message when it is missing. */
const REQUIRED_BLOCKS: Readonly<
  Record<LetterKind, { field: 'outcome' | 'correction' | 'extension' | 'fee' | 'consultation'; message: string }>
> = {
  answer: { field: 'outcome', message: '答复书缺少办理结果（outcome）' },
  correctionNotice: { field: 'correction', message: '补正申请告知书缺少补正事项和期限（correction）' },
  extensionNotice: { field: 'extension', message: '延长答复期限告知书缺少延期天数、期限和理由（extension）' },
  feeNotice: { field: 'fee', message: '信息处理费收费通知书缺少收费信息（fee）' },
  consultationNotice: { field: 'consultation', message: '征求第三方意见函缺少第三方和答复期限（consultation）' },
};

/** Amounts in 元 are compared to the fen: a price times a count may carry binary fractions. */
const sameAmount = (a: number, b: number) => Math.abs(a - b) < 0.005;

/** Whether a value is a real calendar date; checks across fields skip dates already reported. */
const isDate = (value: unknown): value is string => isoDate.safeParse(value).success;

export const LetterInputSchema = LetterInputObject.superRefine((input, ctx) => {
  const { field, message } = REQUIRED_BLOCKS[input.kind];
  if (input[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message });
  const report = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (input.kind === 'answer' && input.outcome === 'other.other' && !input.body?.trim()) {
    report(['body'], '办理结果为“其他处理”的答复书须写明办理情况（body）');
  }
  // ISO dates compare as strings; a letter cannot be dated before the application came.
  if (isDate(input.issuedOn) && isDate(input.application.receivedOn) && input.issuedOn < input.application.receivedOn) {
    report(['issuedOn'], `成文日期（issuedOn）${input.issuedOn}早于收到申请之日（application.receivedOn）`);
  }
  // A notice's own deadline cannot fall before the notice; blocks of other kinds are not printed.
  const dueOn = field === 'outcome' ? undefined : input[field]?.dueOn;
  if (isDate(dueOn) && isDate(input.issuedOn) && dueOn < input.issuedOn) {
    report([field, 'dueOn'], `期限（${field}.dueOn）${dueOn}早于成文日期（issuedOn）${input.issuedOn}`);
  }
  const fee = input.kind === 'feeNotice' ? input.fee : undefined;
  fee?.breakdown?.forEach((tier, index) => {
    const product = tier.quantity * tier.price;
    if (Number.isFinite(product) && Number.isFinite(tier.subtotal) && !sameAmount(product, tier.subtotal)) {
      report(
        ['fee', 'breakdown', index, 'subtotal'],
        `分档明细（fee.breakdown[${index}]）的金额${tier.subtotal}元不等于数量${tier.quantity}乘单价${tier.price}元`,
      );
    }
  });
  if (fee?.breakdown) {
    const total = fee.breakdown.reduce((sum, tier) => sum + tier.subtotal, 0);
    if (Number.isFinite(total) && Number.isFinite(fee.amount) && !sameAmount(total, fee.amount)) {
      report(['fee', 'amount'], `分档明细（fee.breakdown）合计${total}元与应缴金额（fee.amount）${fee.amount}元不符`);
    }
  }
});

export type LetterInput = z.input<typeof LetterInputSchema>;
/** The input once checked: text trimmed. */
export type CheckedLetterInput = z.output<typeof LetterInputSchema>;

/** The Chinese name of each field, for messages; array indices are left out of the key. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  kind: '信件种类',
  organ: '行政机关',
  'organ.name': '行政机关名称',
  'organ.address': '联系地址',
  'organ.phone': '联系电话',
  'organ.reviewBody': '行政复议机关',
  'organ.court': '管辖法院',
  application: '申请',
  'application.serialNo': '文号',
  'application.applicantName': '申请人姓名',
  'application.receivedOn': '收到申请之日',
  'application.request': '所需信息的内容描述',
  issuedOn: '成文日期',
  outcome: '办理结果',
  published: '主动公开的获取途径',
  'published.where': '主动公开的获取途径',
  body: '正文段落',
  correction: '补正事项和期限',
  'correction.dueOn': '补正期限',
  'correction.items': '需要补正的事项',
  extension: '延期信息',
  'extension.days': '延长的工作日数',
  'extension.dueOn': '延长后的答复期限',
  'extension.reason': '延期理由',
  fee: '收费信息',
  'fee.method': '计收方式',
  'fee.quantity': '计费数量',
  'fee.amount': '应缴金额',
  'fee.dueOn': '缴费期限',
  'fee.breakdown': '分档明细',
  'fee.breakdown[].label': '计费档次',
  'fee.breakdown[].quantity': '本档数量',
  'fee.breakdown[].price': '本档单价',
  'fee.breakdown[].subtotal': '本档金额',
  consultation: '征求意见信息',
  'consultation.thirdParty': '第三方',
  'consultation.dueOn': '提出意见的期限',
};

/** `申请人姓名（application.applicantName）：不能为空`; our own messages name their field already. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom') return issue.message;
  const path = formatPath(issue.path);
  const label = FIELD_LABELS[path.replace(/\[\d+\]/g, '[]')];
  return `${label ? `${label}（${path}）` : path}：${issue.message}`;
}

/** The checked input, or an Error whose message lists every problem with the field it is in. */
export function parseLetterInput(input: LetterInput): CheckedLetterInput {
  const result = LetterInputSchema.safeParse(input, { error: zhCN });
  if (result.success) return result.data;
  throw new Error(result.error.issues.map(issueMessage).join('；'));
}
