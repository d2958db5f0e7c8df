import { describe, expect, it } from 'vitest';
import { C7, s3Row, withTotal } from '../../test/support/pages.js';
import { parseReport } from './index.js';

/*
 * Section 三 as pdftotext's default reading order prints a LibreOffice PDF of the table split over
 * two pages (bench/tool-text.js, producer libreoffice): on the first page the figures come in
 * pieces of rows and columns between the header's words; on the second the row labels come first,
 * then the repeated column header, then every figure of those rows, a figure a line, in blocks of
 * consecutive rows printed row by row or column by column, up to section 四. Invented organ and
 * figures; the table's sums hold.
 */

const read = async (text: string) => parseReport(new TextEncoder().encode(text), { file: 'page.txt' });

const TITLE = '青田县水利局2020年政府信息公开工作年度报告\n一、总体情况\n本局认真落实条例。';
const row = withTotal;

/** The 2019 table's rows: key, label as the second page prints it, six applicants' figures. */
const FIRST: readonly [string, number[]][] = [
  ['granted', [3, 2, 0, 1, 0, 4]],
  ['partial', [0, 0, 0, 0, 1, 0]],
  ['denied.secret', [0, 0, 0, 0, 0, 0]],
  ['denied.prohibited', [0, 0, 4, 0, 1, 0]],
  ['denied.safety', [0, 0, 0, 0, 0, 0]],
  ['denied.thirdParty', [0, 6, 0, 1, 0, 0]],
];
const SECOND: readonly [string, string, number[]][] = [
  ['denied.internal', '5.属于三类内部事务信息', [2, 0, 0, 1, 0, 0]],
  ['denied.process', '6.属于四类过程性信息', [0, 0, 2, 0, 0, 4]],
  ['denied.enforcementFile', '7.属于行政执法案卷', [4, 0, 0, 5, 0, 3]],
  ['denied.query', '8.属于行政查询事项', [0, 0, 0, 1, 0, 3]],
  ['unable.notHeld', '1.本机关不掌握相关政府信息', [0, 2, 0, 0, 0, 5]],
  ['unable.needsCreation', '2.没有现成信息需要另行制作', [0, 0, 0, 0, 0, 3]],
  ['unable.unclear', '3.补正后申请内容仍不明确', [0, 0, 2, 0, 1, 1]],
  ['rejected.petition', '1.信访举报投诉类申请', [0, 0, 0, 0, 2, 1]],
  ['rejected.duplicate', '2.重复申请', [0, 0, 0, 0, 0, 0]],
  ['rejected.publication', '3.要求提供公开出版物', [8, 0, 0, 0, 0, 4]],
  ['rejected.excessive', '4.无正当理由大量反复申请', [5, 4, 0, 1, 0, 3]],
  ['rejected.confirm', '5.要求行政机关确认或重新出具已获取信息', [0, 0, 3, 0, 0, 0]],
  ['other', '（六）其他处理', [0, 4, 0, 0, 3, 5]],
];
const outcomes = [...FIRST.map(([, v]) => v), ...SECOND.map(([, , v]) => v)];
const TOTAL = row([0, 1, 2, 3, 4, 5].map((c) => outcomes.reduce((sum, v) => sum + (v[c] as number), 0)));
const CARRIED_IN = row([3, 1, 1, 0, 2, 0]);
const CARRIED_OUT = row([5, 1, 0, 1, 3, 0]);
// 一 + 二 = (七) + 四, column by column.
const NEW = TOTAL.map((v, c) => v + (CARRIED_OUT[c] as number) - (CARRIED_IN[c] as number));

/** The second page's rows with their figures: the outcome rows, (七)总计, 四. */
const TAIL: readonly [string, string, number[]][] = [
  ...SECOND.map(([key, label, v]): [string, string, number[]] => [key, label, row(v)]),
  ['total', '（七）总计', TOTAL],
  ['carriedOut', '四、结转下年度继续办理', CARRIED_OUT],
];

const HEADER = '申请人情况\n法人或其他组织\n社会 法律\n科研\n公益 服务\n机构\n组织 机构\n\n商业\n企业\n\n其他\n\n总计';

/** Rows from..to of the tail as one text block each of seven figures, row by row (h = 1) or column by column. */
function blocksOf(rows: readonly number[][]): string {
  if (rows.length === 1) return (rows[0] as number[]).map(String).join('\n\n');
  return C7.map((_, c) => rows.map((values) => values[c]).join('\n')).join('\n\n');
}

/** The tail's figures as the groups of consecutive rows `groups` give them (sizes adding up to the rows). */
function tailFigures(groups: readonly number[], figures = TAIL.map(([, , v]) => v)): string {
  const out: string[] = [];
  let at = 0;
  for (const size of groups) {
    out.push(blocksOf(figures.slice(at, at + size)));
    at += size;
  }
  return out.join('\n\n');
}

/** The whole text: a first page whose figures come in pieces the reader cannot place, then the second page. */
function lo(tail: string, carriedIn = CARRIED_IN): string {
  const [granted] = FIRST;
  const first = [NEW, carriedIn, row((granted as [string, number[]])[1])];
  const piece = (c: number) => first.map((v) => v[c]).join('\n');
  const rest = FIRST.slice(1).flatMap(([, v]) => row(v));
  return [
    TITLE,
    '三、收到和处理政府信息公开申请情况',
    `${piece(0)}\n\n${piece(1)}`,
    `${HEADER}\n${first.flatMap((v) => v.slice(2, 5)).join('\n')}`,
    '自然\n人\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n三、本 （一）予以公开\n年度办 （二）部分公开（区分处理的，只\n理结果 计这一情形，不计其他情形）\n（三）不 1.属于国家秘密\n予公开\n2.其他法律行政法规禁\n止公开\n3.危及“三安全一稳\n定”\n4.保护第三方合法权益',
    '商业\n企业\n\n其他\n\n总计',
    `${piece(5)}\n\n${piece(6)}\n\n${rest.join('\n\n')}`,
    `自然\n人\n${TAIL.map(([, label]) => label).join('\n')}`,
    HEADER,
    tail,
    '四、政府信息公开行政复议、行政诉讼情况\n本局未发生行政复议、行政诉讼。',
  ].join('\n\n');
}

const GROUPS = [1, 3, 1, 1, 1, 3, 1, 1, 3];

describe('section 三’s last rows on a page of their own, apart from their labels', () => {
  it('reads them where every row total holds and all readings agree, with no cell wrong', async () => {
    const { report, findings, placements } = await read(lo(tailFigures(GROUPS)));
    for (const [key, , values] of TAIL) expect(s3Row(report, key)).toEqual(values);
    // Only each row's own total checks them: placed by the sums, below high confidence.
    expect(placements?.['s3.total.natural']?.placedBy).toBe('sum');
    expect(placements?.['s3.total.natural']?.confidence).toBeLessThan(0.9);
    const block = findings.find((f) => f.rule === 'read-as-block');
    expect(block?.message).toContain('15 行');
    // The first page's figures: read where the cuts by columns are decided, else open, never guessed.
    const truth: Record<string, number[]> = { new: NEW, carriedIn: CARRIED_IN };
    for (const [key, v] of FIRST) truth[key] = row(v);
    for (const key of ['new', 'carriedIn', 'granted']) expect(s3Row(report, key)).toEqual(truth[key]);
    expect(findings.some((f) => f.rule === 'read-as-block' && f.message.includes('一＋二＝（七）＋四'))).toBe(true);
    for (const [key, values] of Object.entries(truth)) {
      s3Row(report, key).forEach((got, c) => {
        if (got !== null) expect(got).toBe(values[c]);
      });
    }
  });

  it('leaves open the cells two readings give otherwise', async () => {
    // A row of noughts before 2.没有现成信息…: two rows read column by column or row by row both add up.
    const figures = TAIL.map(([, , v]) => v);
    figures[4] = row([0, 0, 0, 0, 0, 0]);
    const { report, findings } = await read(lo(tailFigures([1, 3, 2, 1, 3, 1, 1, 3], figures)));
    expect(s3Row(report, 'unable.notHeld')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // 2.没有现成信息… (0 0 0 0 0 3 3) after it, column by column: its last figures read "3 0" row by row; both add up.
    const creation = s3Row(report, 'unable.needsCreation');
    expect(creation.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(creation.slice(4, 6)).toEqual([null, null]);
    expect(creation[6]).toBe(3);
    expect(s3Row(report, 'rejected.excessive')).toEqual(row([5, 4, 0, 1, 0, 3]));
    expect(findings.some((f) => f.rule === 'read-as-block' && f.message.includes('多种读法'))).toBe(true);
    expect(findings.some((f) => f.cells.includes('s3.unable.needsCreation.legal'))).toBe(true);
  });

  it('leaves the first rows open when 一 + 二 = (七) + 四 does not hold for their cut', async () => {
    // 二's figures other than printed (the row still adds up): no cut balances the table.
    const { report, findings } = await read(lo(tailFigures(GROUPS), row([2, 2, 1, 0, 2, 0])));
    for (const key of ['new', 'carriedIn', 'granted'])
      expect(s3Row(report, key)).toEqual([null, null, null, null, null, null, null]);
    expect(findings.some((f) => f.cells.includes('s3.new.natural'))).toBe(true);
    expect(s3Row(report, 'carriedOut')).toEqual(CARRIED_OUT);
  });

  it('leaves the rows open when the run holds more figures than rows of seven', async () => {
    const { report } = await read(lo(`${tailFigures(GROUPS)}\n\n1`));
    for (const [key] of TAIL) expect(s3Row(report, key)).toEqual([null, null, null, null, null, null, null]);
  });

  it('leaves the rows open when no reading keeps every row total', async () => {
    const figures = TAIL.map(([, , v]) => [...v]);
    (figures[0] as number[])[0] = 9;
    const { report } = await read(lo(tailFigures(GROUPS, figures)));
    expect(s3Row(report, 'denied.internal')).toEqual([null, null, null, null, null, null, null]);
    expect(s3Row(report, 'carriedOut')).toEqual([null, null, null, null, null, null, null]);
  });
});
