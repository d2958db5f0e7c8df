import { describe, expect, it } from 'vitest';
import { parseReport } from '../index.js';
import { hasCellSeparators, joinCellLines } from './cell-lines.js';

/*
 * The layout is the text Chromium gives (innerText, and the clipboard's text) for a Word-exported
 * page whose table cells each hold a paragraph: a cell a line between blank lines, a lone tab
 * between two cells, an empty cell (&nbsp;) as a no-break space. Organ and figures are invented.
 */
const NBSP = '\u00a0';

/** One table row as such a page's text gives it. */
function browserRow(cells: readonly string[]): string[] {
  const lines: string[] = [];
  cells.forEach((cell, i) => {
    if (i > 0) lines.push('', '\t', '');
    lines.push(cell === '' ? NBSP : cell);
  });
  return [...lines, '', '', ''];
}

const BLANKS = ['', '', '', '', '', '', ''];
const row = (...values: string[]): string[] => [...values, ...BLANKS].slice(0, 7);

/** Section 三 (2021 format), group cells spanning their rows as in the page's markup. */
const S3_ROWS: readonly string[][] = [
  ['一、本年新收政府信息公开申请数量', ...row('9', '2', '', '', '', '', '11')],
  ['二、上年结转政府信息公开申请数量', ...row('1', '', '', '', '', '', '1')],
  ['三、本年度办理结果', '（一）予以公开', ...row('6', '1', '', '', '', '', '7')],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ...row('', '1', '', '', '', '', '1')],
  ['（三）不予公开', '1.属于国家秘密', ...row()],
  ...[
    '2.其他法律行政法规禁止公开',
    '3.危及“三安全一稳定”',
    '4.保护第三方合法权益',
    '5.属于三类内部事务信息',
    '6.属于四类过程性信息',
    '7.属于行政执法案卷',
    '8.属于行政查询事项',
  ].map((label) => [label, ...row()]),
  ['（四）无法提供', '1.本机关不掌握相关政府信息', ...row('3', '', '', '', '', '', '3')],
  ['2.没有现成信息需要另行制作', ...row()],
  ['3.补正后申请内容仍不明确', ...row()],
  ['（五）不予处理', '1.信访举报投诉类申请', ...row()],
  ...['2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'].map(
    (label) => [label, ...row()],
  ),
  ['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ...row()],
  ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ...row()],
  ['3.其他', ...row()],
  ['（七）总计', ...row('9', '2', '', '', '', '', '11')],
  ['四、结转下年度继续办理', ...row('1', '', '', '', '', '', '1')],
];

function page(): string {
  return [
    '某市星河区文化旅游局2023年政府信息公开工作年度报告',
    '三、收到和处理政府信息公开申请情况',
    ...S3_ROWS.flatMap(browserRow),
    '四、政府信息公开行政复议、行政诉讼情况',
    ...browserRow(['行政复议', '行政诉讼']),
    // A row of cells without paragraphs: its empty cells stand between tabs on one line.
    '2',
    '',
    `\t${NBSP}\t${NBSP}\t`,
    '',
    '1',
    '',
    '\t',
    '',
    '3',
    '',
    `\t${NBSP}\t${NBSP}\t${NBSP}\t${NBSP}\t${NBSP}\t${NBSP}\t${NBSP}\t${NBSP}\t${NBSP}\t${NBSP}`,
    '五、存在的主要问题及改进情况',
  ].join('\n');
}

describe('a browser’s text of tables whose cells hold paragraphs', () => {
  it('keeps each empty cell in its column', async () => {
    const { report } = await parseReport(new TextEncoder().encode(page()), { file: 'copied.txt' });
    const cell = (id: string) => report.cells[id] ?? null;
    expect(cell('s3.new.natural')).toBe(9);
    expect(cell('s3.new.business')).toBe(2);
    expect(cell('s3.new.total')).toBe(11);
    // The natural person's cell is empty: the 1 is the business's, not slid into the first column.
    expect(cell('s3.partial.natural')).toBeNull();
    expect(cell('s3.partial.business')).toBe(1);
    expect(cell('s3.partial.total')).toBe(1);
    expect(cell('s3.unable.notHeld.natural')).toBe(3);
    expect(cell('s3.unable.notHeld.total')).toBe(3);
    expect(cell('s3.carriedOut.total')).toBe(1);
    expect(cell('s4.review.upheld')).toBe(2);
    expect(cell('s4.review.corrected')).toBeNull();
    expect(cell('s4.review.other')).toBeNull();
    expect(cell('s4.review.pending')).toBe(1);
    expect(cell('s4.review.total')).toBe(3);
  });

  it('joins a row spread over lines into one line of tab-separated cells', () => {
    const lines = [...browserRow(['规章', '', '4']), ...browserRow(['行政规范性文件', '2', ''])];
    expect(hasCellSeparators(lines)).toBe(true);
    expect(joinCellLines(lines)).toEqual([
      { text: '规章\t\t4', line: 1, cells: ['规章', '', '4'] },
      { text: '行政规范性文件\t2\t', line: 13, cells: ['行政规范性文件', '2', ''] },
    ]);
  });

  it('leaves text with fewer than three lone tabs between blank lines to the line-by-line reading', () => {
    // A tab table whose rows each stand on one line, one of them ending in an empty cell.
    const lines = ['规章\t1\t0\t', '行政规范性文件\t3\t1\t22', '', '\t', '', '三、收到和处理政府信息公开申请情况'];
    expect(hasCellSeparators(lines)).toBe(false);
    // Rows whose empty label cells stand on a line of their own, between lines of text, many times.
    const split = [
      '（三）不予公开',
      '1.属于国家秘密\t2\t0\t2',
      '\t',
      '2.其他法律行政法规禁止公开\t1\t0\t1',
      '\t',
      '3.危及“三安全一稳定”',
      '\t',
    ];
    expect(hasCellSeparators([...split, ...split])).toBe(false);
  });
});
