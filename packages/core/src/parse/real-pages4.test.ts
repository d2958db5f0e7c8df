import { describe, expect, it } from 'vitest';
import { parseReport } from './index.js';

/*
 * A shape found in a fourth round of real pages (kept out of the repository), reproduced with
 * invented organs and figures: section 二 copied from a page whose cells are paragraphs, a cell a
 * line with a blank line between cells, where a blank cell left no trace ("规章" followed by one
 * figure, then the next label). Each figure on its own line is one cell, so a row short of figures
 * stays open: no split of a figure into several ("54" as 5 and 4) may place it.
 */

const parse = async (text: string) => (await parseReport(new TextEncoder().encode(text), { file: 'page.txt' })).report;

const paragraphs = (cells: readonly string[]) => cells.join('\n\n');

const page2021 = (regulations: readonly string[], normative: readonly string[]) =>
  paragraphs([
    '青禾镇人民政府2023年政府信息公开工作年度报告',
    '二、主动公开政府信息情况',
    '第二十条第(一)项',
    '信息内容',
    '本年制发件数',
    '本年废止件数',
    '现行有效件数',
    '规章',
    ...regulations,
    '行政规范性文件',
    ...normative,
    '第二十条第(五)项',
    '信息内容',
    '本年处理决定数量',
    '行政许可',
    '17',
    '第二十条第(六)项',
    '信息内容',
    '本年处理决定数量',
    '行政处罚',
    '26',
    '行政强制',
    '3',
    '第二十条第(八)项',
    '信息内容',
    '本年收费金额(单位:万元)',
    '行政事业性收费',
    '4.25',
    '三、收到和处理政府信息公开申请情况',
  ]);

const row = (report: Awaited<ReturnType<typeof parse>>, key: string, columns: readonly string[]) =>
  columns.map((column) => report.cells[`s2.${key}.${column}`] ?? null);
const COLUMNS_2021 = ['issued', 'repealed', 'inForce'];

describe('section 二 a cell a paragraph, a blank cell lost', () => {
  it('leaves a row short of figures open, its multi-digit figure unsplit', async () => {
    const report = await parse(page2021(['6', '2', '31'], ['1', '54']));
    expect(row(report, 'normativeDocs', COLUMNS_2021)).toEqual([null, null, null]);
    expect(row(report, 'regulations', COLUMNS_2021)).toEqual([6, 2, 31]);
    expect(report.cells['s2.penalty.decisions']).toBe(26);
  });

  it('leaves open a 2019 row of two figures whose blank was lost', async () => {
    const text = paragraphs([
      '松岭乡2020年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '第二十条第(一)项',
      '信息内容',
      '本年新制作数量',
      '本年新公开数量',
      '对外公开总数量',
      '规章',
      '2',
      '2',
      '9',
      '规范性文件',
      '4',
      '4',
      '27',
      '第二十条第(五)项',
      '信息内容',
      '上一年项目数量',
      '本年增/减',
      '处理决定数量',
      '行政许可',
      '12',
      '3',
      '140',
      '其他对外管理服务事项',
      '21',
      '18',
      '第二十条第(六)项',
      '信息内容',
      '上一年项目数量',
      '本年增/减',
      '处理决定数量',
      '行政处罚',
      '8',
      '1',
      '35',
      '三、收到和处理政府信息公开申请情况',
    ]);
    const report = await parse(text);
    const columns = ['prevItems', 'change', 'decisions'];
    expect(row(report, 'otherServices', columns)).toEqual([null, null, null]);
    expect(row(report, 'licensing', columns)).toEqual([12, 3, 140]);
    expect(row(report, 'penalty', columns)).toEqual([8, 1, 35]);
  });

  it('reads every row whose cells are all printed, multi-digit figures whole (must not trigger)', async () => {
    const report = await parse(page2021(['6', '2', '31'], ['5', '1', '54']));
    expect(row(report, 'normativeDocs', COLUMNS_2021)).toEqual([5, 1, 54]);
    expect(row(report, 'regulations', COLUMNS_2021)).toEqual([6, 2, 31]);
    expect(report.cells['s2.fees.amount']).toBe(4.25);
  });
});

/*
 * A second shape of the same round: a 2019 table whose (一) block keeps the 2019 headers while the
 * later blocks print the 2021 single column ("信息内容 | 处理决定数量", "本年度收费金额"). The one value of
 * 行政许可 is its 处理决定数量, not the 上一年项目数量 the 2019 order would give it.
 */
const hybrid = (licensingHeader: string, licensing: string) => `渭川区林业保护局2022年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第(一)项 | |||
信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量 |
规章 | 0 | 0 | 0 |
规范性文件 | 3 | 3 | 14 |
第二十条第(五)项 | |||
信息内容 | ${licensingHeader} |
行政许可 | ${licensing} |
第二十条第(六)项 | |||
信息内容 | 处理决定数量 | ||
行政处罚 | 9 | ||
行政强制 | 2 | ||
第二十条第(八)项 | |||
信息内容 | 本年度收费金额(单位:万元) | ||
行政事业性收费 | 1.6 | ||
三、收到和处理政府信息公开申请情况`;

describe('section 二 blocks whose header names fewer columns than the table has', () => {
  const columns = ['prevItems', 'change', 'decisions'];

  it('puts each value in the column its block’s header names, the rest open', async () => {
    const report = await parse(hybrid('处理决定数量 | ||', '43 | ||'));
    expect(row(report, 'licensing', columns)).toEqual([null, null, 43]);
    expect(row(report, 'penalty', columns)).toEqual([null, null, 9]);
    expect(row(report, 'enforcement', columns)).toEqual([null, null, 2]);
    expect(row(report, 'normativeDocs', ['made', 'published', 'total'])).toEqual([3, 3, 14]);
  });

  it('leaves open a row whose header names none of its columns', async () => {
    const report = await parse(hybrid('处理决定数量 | ||', '43 | ||'));
    expect(row(report, 'fees', ['prevItems', 'change'])).toEqual([null, null]);
  });

  it('reads in order a row under a header naming all its columns (must not trigger)', async () => {
    const report = await parse(hybrid('上一年项目数量 | 本年增/减 | 处理决定数量', '12 | 1 | 43'));
    expect(row(report, 'licensing', columns)).toEqual([12, 1, 43]);
    expect(row(report, 'penalty', columns)).toEqual([null, null, 9]);
  });
});
