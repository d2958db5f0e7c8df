import { describe, expect, it } from 'vitest';
import { C7, s3Row, withTotal } from '../../test/support/pages.js';
import { parseReport } from './index.js';

/*
 * Section 三 of a 2021 table as pdftotext's default reading order prints chromium's PDF with page
 * breaks (bench/tool-text.js, producer chromium-pageBreaks): the first rows beside their labels;
 * then the labels of a run of rows and their figures as blocks (some rows column by column, some
 * row by row); and last （六）3.其他, （七）总计 and 四、结转 column by column, the heading of section
 * 四 printed amid their columns. The aligner matches 四、结转 to the first column's piece ("7 94 2")
 * and leaves it undecided: that row is part of the block, not a bound of it. Invented organ and
 * figures; the table's sums hold.
 */

const read = async (text: string) => parseReport(new TextEncoder().encode(text), { file: 'page.txt' });

const row = withTotal;

/** Section 三's outcome rows, six applicants' figures each. */
const OUTCOMES: readonly [string, number[]][] = [
  ['granted', [3, 2, 0, 3, 0, 1]],
  ['partial', [12, 0, 0, 0, 0, 0]],
  ['denied.secret', [0, 0, 1, 0, 0, 1]],
  ['denied.prohibited', [0, 0, 2, 0, 0, 0]],
  ['denied.safety', [3, 0, 0, 0, 0, 2]],
  ['denied.thirdParty', [0, 0, 2, 0, 1, 0]],
  ['denied.internal', [0, 1, 0, 0, 0, 2]],
  ['denied.process', [0, 3, 0, 0, 0, 0]],
  ['denied.enforcementFile', [0, 0, 0, 1, 0, 0]],
  ['denied.query', [0, 2, 0, 0, 1, 0]],
  ['unable.notHeld', [0, 1, 0, 0, 0, 0]],
  ['unable.needsCreation', [21, 0, 0, 0, 2, 5]],
  ['unable.unclear', [0, 0, 1, 4, 0, 1]],
  ['rejected.petition', [0, 2, 0, 3, 0, 1]],
  ['rejected.duplicate', [9, 0, 1, 0, 0, 0]],
  ['rejected.publication', [0, 0, 1, 0, 0, 1]],
  ['rejected.excessive', [15, 1, 1, 0, 4, 0]],
  ['rejected.confirm', [6, 1, 0, 1, 0, 1]],
  ['other.noCorrection', [0, 0, 0, 4, 0, 2]],
  ['other.unpaidFee', [0, 0, 0, 5, 1, 0]],
  ['other.other', [5, 0, 0, 0, 0, 1]],
];
const figures = new Map(OUTCOMES.map(([key, v]) => [key, row(v)]));
const TOTAL = row([0, 1, 2, 3, 4, 5].map((c) => OUTCOMES.reduce((sum, [, v]) => sum + (v[c] as number), 0)));
const CARRIED_IN = row([6, 0, 0, 2, 0, 2]);
const CARRIED_OUT = row([2, 1, 3, 0, 2, 1]);
// 一 + 二 = (七) + 四, column by column.
const NEW = TOTAL.map((v, c) => v + (CARRIED_OUT[c] as number) - (CARRIED_IN[c] as number));
const of = (key: string) => figures.get(key) as number[];
const line = (values: readonly number[]) => values.join(' ');
/** Rows' figures column by column: a column a paragraph, a figure a line. */
const byColumns = (rows: readonly number[][], from = 0, to = 7) =>
  C7.slice(from, to).map((_, c) => rows.map((values) => values[from + c]).join('\n'));
/** A row's figures a paragraph each. */
const byFigures = (values: readonly number[]) => values.map(String);

const BLOCK1 = ['denied.safety', 'denied.thirdParty', 'denied.internal', 'denied.process', 'denied.enforcementFile'];
const BLOCK1_ROWS = ['denied.query', 'unable.notHeld', 'unable.needsCreation', 'unable.unclear'];
const BLOCK2 = ['rejected.petition', 'rejected.duplicate', 'rejected.publication', 'rejected.excessive'];
const BLOCK2_ROWS = ['rejected.confirm', 'other.noCorrection', 'other.unpaidFee'];
const LAST = [of('other.other'), TOTAL, CARRIED_OUT];

function text(last = LAST): string {
  return [
    '青川县林业局2023年政府信息公开工作\n年度报告',
    '一、总体情况\n2023年，青川县林业局认真落实条例。',
    '三、收到和处理政府信息公开申请情况',
    '申请人情况',
    '法人或其他组织\n自然 商业 科研 社会 法律\n人 企业 机构 公益 服务 其他 总计\n组织 机构\n' +
      `一、本年新收政府信息公开申请数量\n${line(NEW)}\n二、上年结转政府信息公开申请数量\n${line(CARRIED_IN)}\n` +
      `三、本 （一）予以公开\n${line(of('granted'))}\n年度办 （二）部分公开（区分处理的，只计这\n${line(of('partial'))}\n` +
      `理结果 一情形，不计其他情形）\n（三）不 1.属于国家秘密\n${line(of('denied.secret'))}\n` +
      `予公开 2.其他法律行政法规禁止\n${line(of('denied.prohibited'))}\n公开`,
    '3.危及“三安全一稳定”\n4.保护第三方合法权益\n5.属于三类内部事务信息\n6.属于四类过程性信息\n7.属于行政执法案卷\n' +
      '8.属于行政查询事项\n1.本机关不掌握相关政府\n信息\n（四）无 2.没有现成信息需要另行\n法提供 制作\n3.补正后申请内容仍不明\n确',
    ...byColumns(BLOCK1.map(of)),
    ...BLOCK1_ROWS.flatMap((key) => byFigures(of(key))),
    '1.信访举报投诉类申请\n2.重复申请\n（五）不 3.要求提供公开出版物\n予处理 4.无正当理由大量反复申\n请\n5.要求行政机关确认或重\n' +
      '新出具已获取信息\n（六）其 1.申请人无正当理由逾期\n他处理 不补正、行政机关不再处\n理其政府信息公开申请\n' +
      '2.申请人逾期未按收费通\n知要求缴纳费用、行政机',
    ...byColumns(BLOCK2.map(of)),
    ...BLOCK2_ROWS.flatMap((key) => byFigures(of(key))),
    '关不再处理其政府信息公\n开申请\n3.其他',
    '（七）总计\n四、结转下年度继续办理',
    ...byColumns(last, 0, 2),
    '四、政府信息公开行政复议、行政诉讼情况',
    ...byColumns(last, 2),
    '行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n结果 结果 其他 尚未 总计 结果 结果\n其他 尚未\n结果 结果 其他 尚未\n' +
      '维持 纠正 结果 审结\n维持 纠正 结果 审结 总计 维持 纠正 结果 审结 总计',
    ...['2', '1', '0', '1', '4', '0', '1', '0', '0', '1', '1', '0', '0', '1', '2'],
    '五、存在的主要问题及改进情况\n无。',
  ].join('\n\n');
}

describe('section 三’s last rows column by column around section 四’s heading (chromium, page breaks)', () => {
  it('reads the rows after the first ones, 四、结转 too, where every sum holds and all readings agree', async () => {
    const { report, findings, placements } = await read(text());
    for (const [key] of OUTCOMES) expect(s3Row(report, key)).toEqual(of(key));
    expect(s3Row(report, 'total')).toEqual(TOTAL);
    expect(s3Row(report, 'carriedOut')).toEqual(CARRIED_OUT);
    expect(s3Row(report, 'new')).toEqual(NEW);
    expect(placements?.['s3.carriedOut.total']?.placedBy).toBe('sum');
    expect(findings.some((f) => f.rule === 'read-as-block')).toBe(true);
    // The aligner's word that 四、结转 was undecided went with the block that read it.
    expect(findings.some((f) => f.rule === 'split-ambiguous' && f.cells.includes('s3.carriedOut.natural'))).toBe(false);
  });

  it('leaves the block open when its last rows break (七)总计', async () => {
    // 四、结转 other than the table's balance: each row still adds up, but 一 + 二 = (七) + 四 fails.
    const { report } = await read(text([of('other.other'), TOTAL, row([1, 2, 3, 0, 2, 1])]));
    for (const key of ['denied.safety', 'rejected.excessive', 'other.other', 'total', 'carriedOut'])
      expect(s3Row(report, key)).toEqual([null, null, null, null, null, null, null]);
    expect(s3Row(report, 'granted')).toEqual(of('granted'));
  });
});
