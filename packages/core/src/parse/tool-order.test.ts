import { describe, expect, it } from 'vitest';
import { C7, s3Row, withTotal } from '../../test/support/pages.js';
import { parseReport } from './index.js';

/*
 * Section 三 as pdftotext's default reading order prints a ruled table (bench/tool-text.js): the
 * figures a line each, some rows' figures as one block apart from their labels, row after row or
 * column after column. Invented organ and figures; the table's sums hold, so the blocks they
 * decide are read, and the ones they do not stay open with a finding.
 */

const read = async (text: string) => parseReport(new TextEncoder().encode(text), { file: 'page.txt' });

const TITLE = '石桥县交通运输局2020年政府信息公开工作年度报告\n一、总体情况\n本局认真落实条例。';

/** The 2019 table's rows: label as pdftotext prints it, key, and six applicants' figures. */
const OUTCOMES: readonly [string, string, number[]][] = [
  ['（一）予以公开', 'granted', [12, 3, 1, 2, 0, 4]],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'partial', [3, 1, 0, 0, 1, 0]],
  ['1.属于国家秘密', 'denied.secret', [1, 0, 0, 0, 0, 0]],
  ['2.其他法律行政法规禁止公开', 'denied.prohibited', [0, 2, 0, 0, 0, 1]],
  ['3.危及“三安全一稳定”', 'denied.safety', [1, 0, 0, 1, 0, 0]],
  ['4.保护第三方合法权益', 'denied.thirdParty', [2, 1, 0, 0, 0, 0]],
  ['5.属于三类内部事务信息', 'denied.internal', [0, 0, 1, 0, 0, 2]],
  ['6.属于四类过程性信息', 'denied.process', [4, 0, 0, 0, 1, 0]],
  ['7.属于行政执法案卷', 'denied.enforcementFile', [1, 1, 0, 0, 0, 0]],
  ['8.属于行政查询事项', 'denied.query', [0, 0, 0, 2, 0, 1]],
  ['1.本机关不掌握相关政府信息', 'unable.notHeld', [6, 2, 1, 0, 0, 1]],
  ['2.没有现成信息需要另行制作', 'unable.needsCreation', [2, 0, 0, 1, 0, 0]],
  ['3.补正后申请内容仍不明确', 'unable.unclear', [1, 0, 1, 0, 0, 0]],
  ['1.信访举报投诉类申请', 'rejected.petition', [3, 0, 0, 0, 1, 0]],
  ['2.重复申请', 'rejected.duplicate', [2, 1, 0, 0, 0, 0]],
  ['3.要求提供公开出版物', 'rejected.publication', [0, 0, 1, 0, 0, 1]],
  ['4.无正当理由大量反复申请', 'rejected.excessive', [5, 0, 0, 0, 0, 0]],
  ['5.要求行政机关确认或重新出具已获取信息', 'rejected.confirm', [1, 0, 0, 1, 0, 0]],
  ['（六）其他处理', 'other', [2, 1, 1, 0, 0, 1]],
];

const row = withTotal;
const TOTAL = row([0, 1, 2, 3, 4, 5].map((c) => OUTCOMES.reduce((sum, [, , v]) => sum + (v[c] as number), 0)));
const NEW = row([50, 14, 8, 9, 5, 12]);
const CARRIED_IN = row([4, 2, 1, 3, 1, 2]);
// 一 + 二 = (七) + 四, column by column.
const CARRIED_OUT = NEW.map((v, c) => v + (CARRIED_IN[c] as number) - (TOTAL[c] as number));

/** The table a figure a line after each label, but the rows from `from` on printed as `block` gives them. */
function table(from: number, block: (rows: number[][]) => number[], labelsAfter = true): string {
  const rows: [string, string, number[]][] = [
    ['一、本年新收政府信息公开申请数量', 'new', NEW],
    ['二、上年结转政府信息公开申请数量', 'carriedIn', CARRIED_IN],
    ...OUTCOMES.map(([label, key, v]): [string, string, number[]] => [label, key, row(v)]),
    ['（七）总计', 'total', TOTAL],
    ['四、结转下年度继续办理', 'carriedOut', CARRIED_OUT],
  ];
  const lines = ['三、收到和处理政府信息公开申请情况', '申请人情况', '自然人', '法人或其他组织', '总计'];
  rows.slice(0, from).forEach(([label, , values]) => lines.push(label, ...values.map(String)));
  const rest = rows.slice(from);
  lines.push((rest[0] as [string, string, number[]])[0], ...block(rest.map(([, , v]) => v)).map(String));
  if (labelsAfter) lines.push(...rest.slice(1).map(([label]) => label));
  return `${TITLE}\n${lines.join('\n')}\n四、政府信息公开行政复议、行政诉讼情况\n本局未发生行政复议、行政诉讼。`;
}

const byRows = (rows: number[][]) => rows.flat();
const byColumns = (rows: number[][]) => C7.flatMap((_, c) => rows.map((values) => values[c] as number));
describe('section 三 rows printed as one block apart from their labels', () => {
  it('reads the last rows printed row after row after one label, the labels after them', async () => {
    const { report, findings, placements } = await read(table(19, byRows));
    expect(s3Row(report, 'rejected.confirm')).toEqual(row([1, 0, 0, 1, 0, 0]));
    expect(s3Row(report, 'other')).toEqual(row([2, 1, 1, 0, 0, 1]));
    expect(s3Row(report, 'total')).toEqual(TOTAL);
    expect(s3Row(report, 'carriedOut')).toEqual(CARRIED_OUT);
    expect(placements?.['s3.total.natural']?.placedBy).toBe('sum');
    expect(findings.some((f) => f.rule === 'read-as-block' && f.cells.includes('s3.carriedOut.total'))).toBe(true);
  });

  it('reads (七)总计 and 四 printed column after column', async () => {
    const { report, findings } = await read(table(21, byColumns));
    expect(s3Row(report, 'total')).toEqual(TOTAL);
    expect(s3Row(report, 'carriedOut')).toEqual(CARRIED_OUT);
    expect(findings.some((f) => f.rule === 'read-as-block' && f.message.includes('逐列'))).toBe(true);
  });

  it('leaves the block open when the sums do not hold for any reading of it', async () => {
    // One figure of (七)总计 printed otherwise: neither order makes the sums hold.
    const off = (rows: number[][]) => byRows(rows).map((v, i) => (i === 2 ? v + 5 : v));
    const { report, findings } = await read(table(21, off));
    for (const key of ['total', 'carriedOut']) {
      expect(s3Row(report, key)).toEqual([null, null, null, null, null, null, null]);
      for (const c of C7) expect(findings.some((f) => f.cells.includes(`s3.${key}.${c}`))).toBe(true);
    }
  });

  it('leaves the block open when it holds more figures than its rows', async () => {
    const { report, findings } = await read(table(21, (rows) => [...byRows(rows), 3]));
    expect(s3Row(report, 'carriedOut')).toEqual([null, null, null, null, null, null, null]);
    expect(findings.some((f) => f.cells.includes('s3.carriedOut.natural'))).toBe(true);
  });
});

describe('section 三 with its first column beside the labels and the others in blocks', () => {
  it('reads the six columns printed column by column in two blocks of rows, by the sums', async () => {
    const rows = [NEW, CARRIED_IN, ...OUTCOMES.map(([, , v]) => row(v)), TOTAL, CARRIED_OUT];
    const labels = [
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      ...OUTCOMES.map(([label]) => label),
    ];
    labels.push('（七）总计', '四、结转下年度继续办理');
    // The 自然人 figure beside each label; then the other columns, rows 1–13 then rows 14–23.
    const blocks = [rows.slice(0, 13), rows.slice(13)].flatMap((block) =>
      [1, 2, 3, 4, 5, 6].flatMap((c) => block.map((values) => values[c] as number)),
    );
    const text = [
      TITLE,
      '二、主动公开政府信息情况',
      '规章 3 1 5',
      '规范性文件 6 2 11',
      '三、收到和处理政府信息公开申请情况',
      ...labels.flatMap((label, r) => [label, String((rows[r] as number[])[0])]),
      ...blocks.map(String),
      '四、政府信息公开行政复议、行政诉讼情况',
      '本局未发生行政复议、行政诉讼。',
    ].join('\n');
    const { report, placements } = await read(text);
    expect(s3Row(report, 'new')).toEqual(NEW);
    expect(s3Row(report, 'unable.needsCreation')).toEqual(row([2, 0, 0, 1, 0, 0]));
    expect(s3Row(report, 'carriedOut')).toEqual(CARRIED_OUT);
    expect(placements?.['s3.rejected.confirm.ngo']?.placedBy).toBe('sum');
  });
});

describe('a section 三 printed column by column leaves its short rows open', () => {
  it('does not place a row’s lone figure by the sums when a column runs on past another row', async () => {
    // 1.属于国家秘密 prints its 自然人 figure only; the other columns come later, apart.
    const text = `${TITLE}
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量
${row([40, 10, 5, 5, 3, 9]).join('\n')}
1.属于国家秘密
1
2.其他法律行政法规禁止公开
4
（七）总计
38
2
6
1
3
9
4
12
7
四、政府信息公开行政复议、行政诉讼情况
本局未发生行政复议、行政诉讼。`;
    const { report, findings } = await read(text);
    expect(s3Row(report, 'denied.secret')).toEqual([null, null, null, null, null, null, null]);
    expect(findings.some((f) => f.cells.includes('s3.denied.secret.business'))).toBe(true);
  });

  it('does not read section 四 from figures printed before its column headers', async () => {
    const text = `${TITLE}
四、政府信息公开行政复议、行政诉讼情况
行政复议
行政诉讼
7
0
21
3
结果 结果 其他 尚未 总计
维持 纠正 结果 审结
2 1 0 1 4 1 0 2 0 3 0 1 1 0 2
五、存在的主要问题及改进情况
无。`;
    const { report } = await read(text);
    expect(report.cells['s4.review.upheld'] ?? null).not.toBe(7);
    expect(report.cells['s4.review.corrected'] ?? null).not.toBe(0);
  });
});
