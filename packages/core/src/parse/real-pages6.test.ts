import { describe, expect, it } from 'vitest';
import { s3Row } from '../../test/support/pages.js';
import { parseReport } from './index.js';

/*
 * Shapes found in a sixth round (real pages kept out of the repository, and the same pages' tables
 * as people and tools copy them), reproduced with invented organs and figures: a Markdown table an
 * OCR or a language model transcribed with a character of a label misread ("行政规范姓文件"), and a
 * crawler's text of a 2021 report that still prints the 2019 table of section 二, its header words
 * run together ("信息内容本年新制作数量本年新公开数量对外公开总数量").
 */

const parse = async (text: string) => (await parseReport(new TextEncoder().encode(text), { file: 'page.txt' })).report;

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

describe('a transcription whose labels carry a misread character', () => {
  const page = (normative: string, newLabel: string, regulations: readonly string[] = ['0', '0', '0']) =>
    [
      '## 青石乡人民政府2023年政府信息公开工作年度报告',
      '## 二、主动公开政府信息情况',
      row(['第二十条第(一)项']),
      '| --- |',
      row(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']),
      row(['规章', ...regulations]),
      row([normative, '3', '1', '19']),
      row(['第二十条第(五)项']),
      row(['信息内容', '本年处理决定数量']),
      row(['行政许可', '12']),
      '## 三、收到和处理政府信息公开申请情况',
      row(['(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)', '申请人情况']),
      '| --- | --- |',
      row(['自然人', '法人或其他组织', '总计']),
      row(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']),
      row([newLabel, '6', '2', '0', '0', '1', '0', '9']),
      row(['二、上年结转政府信息公开申请数量', '1', '0', '0', '0', '0', '0', '1']),
      '## 四、政府信息公开行政复议、行政诉讼情况',
    ].join('\n');

  it('reads a row whose label is one character from exactly one statutory label', async () => {
    const report = await parse(page('行政规范姓文件', '一、本年新牧政府信息公开申请数量'));
    expect(['issued', 'repealed', 'inForce'].map((c) => report.cells[`s2.normativeDocs.${c}`])).toEqual([3, 1, 19]);
    expect(s3Row(report, 'new')).toEqual([6, 2, 0, 0, 1, 0, 9]);
    expect(s3Row(report, 'carriedIn')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('does not take the next row’s figures for a row left blank above a misread label', async () => {
    // "规章 | | | |": the blank cells are the row's; the figures after "行政现范性文件" are that row's.
    const report = await parse(page('行政现范性文件', '一、本年新收政府信息公开申请数量', ['', '', '']));
    expect(['issued', 'repealed', 'inForce'].map((c) => report.cells[`s2.regulations.${c}`] ?? null)).toEqual([
      null,
      null,
      null,
    ]);
    expect(report.cells['s2.normativeDocs.inForce']).toBe(19);
  });

  it('reads section 二’s rows of four characters misread the same way', async () => {
    // An excerpt of section 二 alone, most cells blank: no whole table for the aligner to read it by.
    const excerpt = [
      '## 二、主动公开政府信息情况',
      row(['第二十条第(一)项']),
      '| --- |',
      row(['信息内容', '本年制发伴数', '本年废止伴数', '现行有效伴数']),
      row(['规章', ' ', ' ', ' ']),
      row(['第二十条第(五)项']),
      row(['信息内容', '本年外理决定数量']),
      row(['行正许可', '1620']),
      row(['第二十条第(六)项']),
      row(['信息内容', '本年处埋决定数量']),
      row(['行政外罚', '87']),
      row(['行正强制', ' ']),
      row(['第二十条第(八)项']),
      row(['信息内容', '本年收费金额(单位:万元)']),
      row(['行政事业性收费', '12.5']),
    ].join('\n');
    const report = await parse(excerpt);
    expect(report.cells['s2.licensing.decisions']).toBe(1620);
    expect(report.cells['s2.penalty.decisions']).toBe(87);
    expect(report.cells['s2.enforcement.decisions'] ?? null).toBeNull();
  });

  it('reads a row whose joined label parts each carry a misread character', async () => {
    // A language model joins a row's label cells and flattens section 三's headers into one row.
    const report = await parse(
      [
        '## 三、收到和处理政府信息公开申请情况',
        row(['项目', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']),
        '|---|---|---|---|---|---|---|---|',
        row(['一、本年新收政府信息公开申请数量', '4', '1', '', '0', '0', '2', '7']),
        row(['二、上年结转政府信息公开申请数量', '0', '0', '', '0', '0', '0', '0']),
        row(['三、本年度办埋结果 (一)予以公幵', '3', '1', '0', '0', '0', '1', '5']),
      ].join('\n'),
    );
    expect(s3Row(report, 'granted')).toEqual([3, 1, 0, 0, 0, 1, 5]);
  });

  it('leaves a label two characters from every statutory label unread', async () => {
    const report = await parse(page('行政现范姓文件', '一、本年新收政府信息公开申请数量'));
    expect(report.cells['s2.normativeDocs.issued'] ?? null).toBeNull();
    expect(s3Row(report, 'new')).toEqual([6, 2, 0, 0, 1, 0, 9]);
  });
});

describe('a crawler’s excerpt of a page, each row’s cells run together', () => {
  const s3Page = (rows: readonly string[]) =>
    [
      '红叶街道办事处2024年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)申请人情况',
      '自然人法人或其他组织总计',
      '商业企业科研机构社会公益组织法律服务机构其他',
      ...rows,
    ].join('\n');

  it('reads the few rows of section 三 an excerpt keeps when each is seven figures that add up', async () => {
    const report = await parse(
      s3Page(['一、本年新收政府信息公开申请数量3100004', '二、上年结转政府信息公开申请数量0000000']),
    );
    expect(s3Row(report, 'new')).toEqual([3, 1, 0, 0, 0, 0, 4]);
    expect(s3Row(report, 'carriedIn')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('leaves such rows open when a row’s figures do not add up, or the figures are prose', async () => {
    // 1 + 0 + … ≠ 3: seven digits that do not make a row's total are no evidence of the table.
    const unsummed = await parse(
      s3Page(['一、本年新收政府信息公开申请数量1000003', '二、上年结转政府信息公开申请数量0000000']),
    );
    expect(s3Row(unsummed, 'new')).toEqual(Array(7).fill(null));
    const prose = await parse(s3Page(['本年新收政府信息公开申请数量3件，上年结转政府信息公开申请数量0件。']));
    expect(s3Row(prose, 'new')).toEqual(Array(7).fill(null));
  });

  it('reads a 2019 table of section 二 in a later report as the 2019 table, its headers run together', async () => {
    const report = await parse(
      [
        '蓝湾街道办事处2023年度政府信息公开工作年度报告',
        '二、主动公开政府信息情况',
        '第二十条第(一)项',
        '信息内容本年新制作数量本年新公开数量对外公开总数量',
        '规章000',
        '规范性文件4412',
        '第二十条第(五)项',
        '信息内容上一年项目数量本年增/减处理决定数量',
        '行政许可171733',
      ].join('\n'),
    );
    expect(report.meta.format).toBe('2019');
    // "171733" is no 2021 行政许可 count: under three 2019 columns it splits many ways, and stays open.
    expect(report.cells['s2.licensing.decisions'] ?? null).toBeNull();
    expect(report.cells['s2.regulations.issued']).toBeUndefined();
    expect(['made', 'published', 'total'].map((c) => report.cells[`s2.regulations.${c}`])).toEqual([0, 0, 0]);
  });
});

describe('a table copied a cell a line, its blank cells blank lines', () => {
  const labels = [
    '一、本年新收政府信息公开申请数量',
    '二、上年结转政府信息公开申请数量',
    '三、本年度办理结果',
    '(一)予以公开',
  ];
  /** Section 三's first rows, each cell on a line of its own (`cells` '' for a blank one), cells parted by `gap`. */
  const page = (rows: readonly (readonly string[])[], gap: string) =>
    [
      '白鹭乡人民政府2022年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
      '申请人情况',
      '自然人',
      '法人或其他组织',
      '总计',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      [labels[0], ...(rows[0] as string[])].join(gap),
      [labels[1], ...(rows[1] as string[])].join(gap),
      [labels[2], labels[3], ...(rows[2] as string[])].join(gap),
      '四、政府信息公开行政复议、行政诉讼情况',
    ].join(gap);
  const rows = [
    ['5', '', '', '', '2', '', '7'],
    ['', '', '', '', '', '1', '1'],
    ['3', '', '', '', '1', '', '4'],
  ];

  it('reads each blank line between a row’s figures as a blank cell in place', async () => {
    const report = await parse(page(rows, '\n'));
    expect(s3Row(report, 'new')).toEqual([5, null, null, null, 2, null, 7]);
    expect(s3Row(report, 'carriedIn')).toEqual([null, null, null, null, null, 1, 1]);
    expect(s3Row(report, 'granted')).toEqual([3, null, null, null, 1, null, 4]);
  });

  it('reads a blank paragraph between a row’s figures, a cell a paragraph, as a blank cell', async () => {
    // Cells parted by a blank line; a blank cell a paragraph of its own (" "), so three lines apart.
    const report = await parse(
      page(
        rows.map((cells) => cells.map((cell) => cell || ' ')),
        '\n\n',
      ),
    );
    expect(s3Row(report, 'new')).toEqual([5, null, null, null, 2, null, 7]);
    expect(s3Row(report, 'granted')).toEqual([3, null, null, null, 1, null, 4]);
  });

  it('does not read the blank line parting two cells a paragraph as a blank cell', async () => {
    // The blank cells dropped: only the sums may say where 5, 2 and 7 stand, and they cannot.
    const report = await parse(
      page(
        rows.map((cells) => cells.filter((cell) => cell !== '')),
        '\n\n',
      ),
    );
    expect(s3Row(report, 'new')).toEqual(Array(7).fill(null));
    expect(s3Row(report, 'granted')).toEqual(Array(7).fill(null));
  });
});
