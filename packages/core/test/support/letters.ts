// The letters' tests share these: a case and organ to write to, the articles each outcome must
// cite, a notice of each kind with what it must say, and readers of the DOCX and text renderings.
import { expect } from 'vitest';
import type { Outcome } from '../../src/cases/model.js';
import { extractDocx } from '../../src/parse/extract/docx/index.js';
import { DEFAULT_LIMITS } from '../../src/parse/errors.js';
import { letterTitle, type LetterInput, type LetterKind } from '../../src/render/letters/index.js';

export const BASE = {
  organ: {
    name: '某某县应急管理局',
    address: '某某县人民路1号',
    phone: '0571-12345678',
    reviewBody: '某某县人民政府',
    court: '某某县人民法院',
  },
  application: {
    serialNo: '〔2026〕应急依申第12号',
    applicantName: '张三',
    receivedOn: '2026-09-28',
    request: '2025年本县危险化学品企业安全检查记录',
  },
  issuedOn: '2026-10-09',
} as const satisfies Omit<LetterInput, 'kind'>;

export const REMEDY =
  '如对本答复不服，可以自收到本答复之日起60日内向某某县人民政府申请行政复议，或者自收到本答复之日起6个月内向某某县人民法院提起行政诉讼。';

/** The article each outcome's answer must cite; undefined where the answer rests on no article. */
export const CITED: Readonly<Record<Outcome, readonly string[] | undefined>> = {
  granted: ['第三十六条第（二）项'],
  partial: ['第三十七条'],
  'denied.secret': ['第十四条', '第三十六条第（三）项'],
  'denied.prohibited': ['第十四条', '第三十六条第（三）项'],
  'denied.safety': ['第十四条', '第三十六条第（三）项'],
  'denied.thirdParty': ['第十五条', '第三十六条第（三）项'],
  'denied.internal': ['第十六条第一款', '第三十六条第（三）项'],
  'denied.process': ['第十六条第二款', '第三十六条第（三）项'],
  'denied.enforcementFile': ['第十六条第二款', '第三十六条第（三）项'],
  'denied.query': ['第三十六条第（七）项'],
  'unable.notHeld': ['第三十六条第（四）项'],
  'unable.needsCreation': ['第三十八条'],
  'unable.unclear': ['第三十条'],
  'rejected.petition': ['第三十九条第一款'],
  'rejected.duplicate': ['第三十六条第（六）项'],
  'rejected.publication': ['第三十九条第二款'],
  'rejected.excessive': ['第三十五条'],
  'rejected.confirm': undefined,
  'other.noCorrection': ['第三十条'],
  'other.unpaidFee': ['第四十二条', '国办函〔2020〕109号'],
  'other.other': undefined,
};

export const FEE = {
  method: 'perPage',
  quantity: 150,
  amount: 1700,
  dueOn: '2026-11-06',
  breakdown: [
    { label: '第1至30页', quantity: 30, price: 0, subtotal: 0 },
    { label: '第31至100页', quantity: 70, price: 10, subtotal: 700 },
    { label: '第101至150页', quantity: 50, price: 20, subtotal: 1000 },
  ],
} as const;

/** A complete input of each kind, with what its text must say besides the common parts. */
export const NOTICES: Readonly<Record<Exclude<LetterKind, 'answer'>, { input: LetterInput; says: readonly string[] }>> =
  {
    correctionNotice: {
      input: {
        ...BASE,
        kind: 'correctionNotice',
        correction: { dueOn: '2026-10-16', items: '请写明检查记录所属的企业名称' },
      },
      says: [
        '第三十条',
        '请写明检查记录所属的企业名称。',
        '2026年10月16日前',
        '答复期限自本机关收到补正的申请之日起计算',
        '视为放弃申请',
      ],
    },
    extensionNotice: {
      input: {
        ...BASE,
        kind: 'extensionNotice',
        extension: { days: 20, dueOn: '2026-11-24', reason: '所申请信息数量较大，需要检索、整理。' },
      },
      says: [
        '第三十三条第二款',
        '因所申请信息数量较大，需要检索、整理，',
        '延长20个工作日',
        '2026年11月24日前',
        '政府信息公开工作机构负责人同意',
      ],
    },
    feeNotice: {
      input: { ...BASE, kind: 'feeNotice', fee: FEE, body: '请通过某某县非税收入缴款平台缴纳。' },
      says: [
        '第四十二条',
        '国办函〔2020〕109号',
        '按量计收',
        '共150页',
        '1700元',
        '20个工作日内，即2026年11月6日前',
        '不计算在答复期限内',
        '视为放弃申请',
        '请通过某某县非税收入缴款平台缴纳。',
      ],
    },
    consultationNotice: {
      input: {
        ...BASE,
        kind: 'consultationNotice',
        consultation: { thirdParty: '某某化工有限公司', dueOn: '2026-10-30' },
      },
      says: [
        '某某化工有限公司：',
        '第三十二条',
        '15个工作日内，即2026年10月30日前',
        '逾期未提出意见的，由本机关依照《条例》的规定决定是否公开',
      ],
    },
  };

export const answerInput = (outcome: Outcome): LetterInput => ({
  ...BASE,
  kind: 'answer',
  outcome,
  ...(outcome === 'other.other' ? { body: '您已于2026年10月8日撤回申请。' } : {}),
});

interface ReadBack {
  /** Every line and table row in order, a row's cells between tabs (as the plain text prints them). */
  readonly lines: string[];
  readonly tables: string[][][];
}

/** The DOCX as the core's own reader sees it. */
export async function readDocx(bytes: Uint8Array): Promise<ReadBack> {
  const doc = await extractDocx(bytes, { file: 'letter.docx', limits: DEFAULT_LIMITS });
  const lines: string[] = [];
  const tables: string[][][] = [];
  for (const node of doc.nodes) {
    if (node.kind === 'line') lines.push(node.text);
    else {
      const rows = node.rows.map((row) => row.map((cell) => cell.text));
      tables.push(rows);
      lines.push(...rows.map((row) => row.join('\t')));
    }
  }
  return { lines, tables };
}

/** The plain text's lines without layout: no padding, no blank lines. */
export const textLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line !== '');

/** What every letter must hold, whatever its kind. */
export function expectCommonParts(lines: readonly string[], input: LetterInput): void {
  const all = lines.join('\n');
  expect(lines[0]).toBe(letterTitle(input));
  expect(lines[1]).toBe(BASE.application.serialNo);
  expect(all).toContain('张三');
  expect(all).toContain(`申请获取“${BASE.application.request}”`);
  expect(all).toContain('本机关于2026年9月28日收到');
  expect(lines.at(-2)).toBe(BASE.organ.name);
  expect(lines.at(-1)).toBe('2026年10月9日');
  expect(lines.slice(-4, -2)).toEqual(['联系地址：某某县人民路1号', '联系电话：0571-12345678']);
  // The regulation is named in full once (where the letter cites it at all), then by its short name.
  const cites = all.includes('《条例》') ? 1 : 0;
  expect(all.split('《中华人民共和国政府信息公开条例》（以下简称《条例》）')).toHaveLength(1 + cites);
}
