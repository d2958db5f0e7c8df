import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { OUTCOMES, type Outcome } from '../../cases/model.js';
import { extractDocx } from '../../parse/extract/docx/index.js';
import { DEFAULT_LIMITS } from '../../parse/errors.js';
import {
  LETTER_KINDS,
  letterParagraphs,
  letterTitle,
  renderLetterDocx,
  renderLetterText,
  type LetterInput,
  type LetterKind,
} from './index.js';

const BASE = {
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

const REMEDY =
  '如对本答复不服，可以自收到本答复之日起60日内向某某县人民政府申请行政复议，或者自收到本答复之日起6个月内向某某县人民法院提起行政诉讼。';

/** The article each outcome's answer must cite; undefined where the answer rests on no article. */
const CITED: Readonly<Record<Outcome, readonly string[] | undefined>> = {
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

const FEE = {
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
const NOTICES: Readonly<Record<Exclude<LetterKind, 'answer'>, { input: LetterInput; says: readonly string[] }>> = {
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

const answerInput = (outcome: Outcome): LetterInput => ({
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
async function readDocx(bytes: Uint8Array): Promise<ReadBack> {
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
const textLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line !== '');

/** What every letter must hold, whatever its kind. */
function expectCommonParts(lines: readonly string[], input: LetterInput): void {
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

describe('answers, one per outcome', () => {
  it.each(OUTCOMES)(
    '%s: DOCX read back holds the title, number, applicant, request, article, remedy, date',
    async (outcome) => {
      const input = answerInput(outcome);
      const { lines } = await readDocx(await renderLetterDocx(input));
      expectCommonParts(lines, input);
      expect(lines[2]).toBe('张三：');
      expect(lines[3]).toBe(
        `本机关于2026年9月28日收到您（单位）提出的政府信息公开申请，申请获取“${BASE.application.request}”。`,
      );
      const all = lines.join('\n');
      const cited = CITED[outcome];
      if (cited) for (const article of cited) expect(all).toContain(article);
      else expect(all).not.toMatch(/第[一二三四五六七八九十]+条/);
      expect(lines).toContain(REMEDY);
      // The remedy comes after the outcome's text and before the contacts.
      expect(lines.indexOf(REMEDY)).toBe(lines.length - 5);
    },
  );

  it.each(OUTCOMES)('%s: the plain text says what the DOCX says', async (outcome) => {
    const input = answerInput(outcome);
    const { lines } = await readDocx(await renderLetterDocx(input));
    expect(textLines(renderLetterText(input))).toEqual(lines);
  });

  it('an information already published is answered under 第三十六条第（一）项 with where to find it', () => {
    const text = renderLetterText({
      ...answerInput('granted'),
      published: { where: '本机关门户网站政府信息公开专栏。' },
    });
    expect(text).toContain('第三十六条第（一）项');
    expect(text).not.toContain('第三十六条第（二）项');
    expect(text).toContain('您可以通过本机关门户网站政府信息公开专栏查阅、获取。');
  });

  it('the lapses are notices that the application ends', () => {
    for (const outcome of ['other.noCorrection', 'other.unpaidFee'] as const) {
      const text = renderLetterText(answerInput(outcome));
      expect(text).toContain('视为放弃申请，本机关不再处理该政府信息公开申请，现告知您终止办理。');
    }
  });

  it('rejected.confirm says the 条例 does not oblige the organ to confirm or re-issue', () => {
    expect(renderLetterText(answerInput('rejected.confirm'))).toContain(
      '《中华人民共和国政府信息公开条例》（以下简称《条例》）未规定行政机关负有确认或者重新出具申请人已获取的政府信息的义务',
    );
  });

  it('the officer’s paragraphs come after the template, one a line, before the remedy', () => {
    const paragraphs = letterParagraphs({ ...answerInput('partial'), body: '  第一段理由。\n\n第二段理由。  ' });
    const body = paragraphs.flatMap((p) => (p.kind === 'body' ? [p.text] : []));
    expect(body.slice(2, 5)).toEqual(['第一段理由。', '第二段理由。', REMEDY]);
  });

  it('without the review body and court the remedy clause still gives both remedies and periods', () => {
    const { name } = BASE.organ;
    const text = renderLetterText({ ...answerInput('granted'), organ: { name } });
    expect(text).toContain(
      '如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议，或者自收到本答复之日起6个月内依法提起行政诉讼。',
    );
    expect(text).not.toContain('联系地址');
  });
});

describe('notices', () => {
  it.each(Object.entries(NOTICES))('%s: DOCX read back holds its parts and agrees with the text', async (_, notice) => {
    const { lines } = await readDocx(await renderLetterDocx(notice.input));
    expectCommonParts(lines, notice.input);
    const all = lines.join('\n');
    for (const phrase of notice.says) expect(all).toContain(phrase);
    // The remedy of 第五十一条 is for the answer, the decision; a notice is a step on the way.
    expect(all).not.toContain('申请行政复议');
    expect(textLines(renderLetterText(notice.input))).toEqual(lines);
  });

  it('the consultation is addressed to the third party and names the applicant', () => {
    const paragraphs = letterParagraphs(NOTICES.consultationNotice.input);
    expect(paragraphs[2]).toEqual({ kind: 'addressee', text: '某某化工有限公司：' });
    expect(paragraphs[3]).toMatchObject({ text: expect.stringContaining('收到申请人张三提出的政府信息公开申请') });
  });

  it('the fee notice carries the breakdown as a real table with a total row', async () => {
    const bytes = await renderLetterDocx(NOTICES.feeNotice.input);
    const { tables } = await readDocx(bytes);
    expect(tables).toEqual([
      [
        ['计费档次', '数量（页）', '单价（元）', '金额（元）'],
        ['第1至30页', '30', '0', '0'],
        ['第31至100页', '70', '10', '700'],
        ['第101至150页', '50', '20', '1000'],
        ['合计', '150', '', '1700'],
      ],
    ]);
    const xml = strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
  });

  it('a fee per application names the month and the application’s place in it; amounts to the fen', () => {
    const text = renderLetterText({
      ...BASE,
      kind: 'feeNotice',
      fee: {
        method: 'perApplication',
        quantity: 31,
        amount: 200.5,
        dueOn: '2026-11-06',
        breakdown: [{ label: '第31至40件', quantity: 1, price: 200.5, subtotal: 200.5 }],
      },
    });
    expect(text).toContain('按件计收');
    expect(text).toContain('本申请为您在2026年9月提出的第31件政府信息公开申请，应缴纳信息处理费200.50元，计算如下：');
    expect(text).toContain('数量（件）');
  });

  it('a fee without a breakdown states the amount without a table', () => {
    const paragraphs = letterParagraphs({ ...BASE, kind: 'feeNotice', fee: { ...FEE, breakdown: undefined } });
    expect(paragraphs.some((p) => p.kind === 'table')).toBe(false);
    expect(paragraphs.map((p) => ('text' in p ? p.text : '')).join()).toContain('应缴纳信息处理费1700元。');
  });
});

describe('layout', () => {
  it('every kind has its title', () => {
    expect(LETTER_KINDS.map((kind) => letterTitle({ kind }))).toEqual([
      '政府信息公开申请答复书',
      '补正申请告知书',
      '延长答复期限告知书',
      '信息处理费收费通知书',
      '征求第三方意见函',
    ]);
  });

  it('the DOCX is A4 in the fonts of GB/T 9704, the signature centred over the date at the right', async () => {
    const xml = strFromU8(unzipSync(await renderLetterDocx(answerInput('granted')))['word/document.xml'] as Uint8Array);
    expect(xml).toContain('w:w="11906"');
    expect(xml).toContain('w:h="16838"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml.match(/<w:jc w:val="right"\/>/g)).toHaveLength(2);
    // The date (6.5 characters wide) four characters from the margin; the 8-character name centred over it.
    expect(xml).toContain('<w:ind w:right="1280"/>');
    expect(xml).toContain('<w:ind w:right="1040"/>');
    const paragraphs = letterParagraphs(answerInput('granted'));
    expect(paragraphs.slice(-2)).toEqual([
      { kind: 'signature', text: '某某县应急管理局', rightIndent: 3.25 },
      { kind: 'date', text: '2026年10月9日', rightIndent: 4 },
    ]);
  });

  it('a name longer than the page allows ends at the margin with the date centred under it', () => {
    const name = '某某省某某市某某县应急管理局某某某某某某某某某某某某';
    const paragraphs = letterParagraphs({ ...answerInput('granted'), organ: { name } });
    expect(paragraphs.slice(-2)).toEqual([
      { kind: 'signature', text: name, rightIndent: 0 },
      { kind: 'date', text: '2026年10月9日', rightIndent: (name.length - 6.5) / 2 },
    ]);
  });
});

describe('bad input', () => {
  const fails = (input: unknown) => () => letterParagraphs(input as LetterInput);

  it.each([
    ['answer', '答复书缺少办理结果（outcome）'],
    ['correctionNotice', '补正申请告知书缺少补正事项和期限（correction）'],
    ['extensionNotice', '延长答复期限告知书缺少延期天数、期限和理由（extension）'],
    ['feeNotice', '信息处理费收费通知书缺少收费信息（fee）'],
    ['consultationNotice', '征求第三方意见函缺少第三方和答复期限（consultation）'],
  ] as const)('a %s without its block names the field', (kind, message) => {
    expect(fails({ ...BASE, kind })).toThrow(message);
    expect(() => renderLetterText({ ...BASE, kind })).toThrow(message);
  });

  it('the DOCX renderer rejects it too', async () => {
    await expect(renderLetterDocx({ ...BASE, kind: 'answer' })).rejects.toThrow('答复书缺少办理结果（outcome）');
  });

  it.each([
    [
      'an empty applicant name',
      { ...answerInput('granted'), application: { ...BASE.application, applicantName: ' ' } },
      '申请人姓名（application.applicantName）：不能为空',
    ],
    [
      'a date that does not exist',
      { ...answerInput('granted'), application: { ...BASE.application, receivedOn: '2026-02-30' } },
      '收到申请之日（application.receivedOn）：应为 YYYY-MM-DD 格式的日期',
    ],
    ['an unknown outcome', { ...BASE, kind: 'answer', outcome: 'denied.other' }, '办理结果（outcome）：'],
    ['an unknown kind', { ...BASE, kind: 'letter' }, '信件种类（kind）：'],
    ['a missing organ name', { ...answerInput('granted'), organ: {} }, '行政机关名称（organ.name）：'],
    ['a field nobody knows', { ...answerInput('granted'), outcomes: 'granted' }, 'outcomes'],
    [
      'an extension over 20 working days',
      { ...NOTICES.extensionNotice.input, extension: { days: 21, dueOn: '2026-11-25', reason: '数量较大' } },
      '延长的工作日数（extension.days）：延长的期限最长不得超过20个工作日（第三十三条第二款）',
    ],
    [
      'a breakdown that does not add up',
      { ...NOTICES.feeNotice.input, fee: { ...FEE, amount: 1800 } },
      '分档明细（fee.breakdown）合计1700元与应缴金额（fee.amount）1800元不符',
    ],
    [
      'a tier whose amount is not its count times its price',
      {
        ...NOTICES.feeNotice.input,
        fee: { ...FEE, amount: 10, breakdown: [{ label: '第31页', quantity: 1, price: 10, subtotal: 20 }] },
      },
      '分档明细（fee.breakdown[0]）的金额20元不等于数量1乘单价10元',
    ],
    [
      'a letter dated before the application came',
      { ...answerInput('granted'), issuedOn: '2026-09-27' },
      '成文日期（issuedOn）2026-09-27早于收到申请之日（application.receivedOn）',
    ],
    [
      'a deadline before the letter',
      { ...NOTICES.correctionNotice.input, correction: { dueOn: '2026-10-08', items: '企业名称' } },
      '期限（correction.dueOn）2026-10-08早于成文日期（issuedOn）2026-10-09',
    ],
    [
      'an answer of 其他处理 without the officer’s account',
      { ...BASE, kind: 'answer', outcome: 'other.other', body: '\n' },
      '办理结果为“其他处理”的答复书须写明办理情况（body）',
    ],
  ])('%s is an error that names the field', (_, input, message) => {
    expect(fails(input)).toThrow(message);
  });
});
