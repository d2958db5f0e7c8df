import { describe, expect, it } from 'vitest';
import { cellPerLineS3, s3Row } from '../../test/support/pages.js';
import { parseReport } from './index.js';

/*
 * Shapes found in a third round of real pages (kept out of the repository), reproduced with invented
 * organs and figures: a table copied a cell a line where a blank cell leaves its pipe alone on a line,
 * the same with a lone pipe opening each row, and a section 二 row a cell a line whose blanks left no
 * trace.
 */

const parse = async (text: string) => (await parseReport(new TextEncoder().encode(text), { file: 'page.txt' })).report;

const cellLines = (cells: readonly string[]) => cells.map((cell) => (cell === '' ? '|' : `${cell} |`)).join('\n');

describe('a table copied a cell a line, each blank cell a lone pipe', () => {
  const page = (rows: string) =>
    cellPerLineS3('关于2022年度政府信息公开情况的报告', rows, '本办未发生行政复议、行政诉讼。');

  it('keeps each blank between two cells in its column', async () => {
    const report = await parse(
      page(`${cellLines(['一、本年新收政府信息公开申请数量', '23', '', '', '', '', '', '23'])}
||
${cellLines(['二、上年结转政府信息公开申请数量', '2', '', '1', '', '', '', '3'])}
||
${cellLines(['三、本年度办理结果', '(一)予以公开', '', '', '', '', '', '', '9'])}
||`),
    );
    expect(s3Row(report, 'new')).toEqual([23, null, null, null, null, null, 23]);
    expect(s3Row(report, 'carriedIn')).toEqual([2, null, 1, null, null, null, 3]);
    expect(s3Row(report, 'granted')).toEqual([null, null, null, null, null, null, 9]);
  });

  it('leaves the pipes after a row’s last value unread: how many are blanks is unknown', async () => {
    // 11 for 自然人, then seven lone pipes before the next label: six blanks and one of layout, or not.
    const report = await parse(
      page(`${cellLines(['一、本年新收政府信息公开申请数量', '11', '', '', '', '', '', '11'])}
||
${cellLines(['三、本年度办理结果', '(一)予以公开', '11', '', '', '', '', '', ''])}
(二)部分公开(区分处理的,只计这一情形,不计其他情形) |`),
    );
    expect(s3Row(report, 'new')).toEqual([11, null, null, null, null, null, 11]);
    expect(s3Row(report, 'granted')).toEqual([null, null, null, null, null, null, null]);
  });
});

describe('a table copied a cell a line, each row opened by a lone pipe', () => {
  const page = (rows: string) => `某区人民政府办公室2022年政府信息公开工作年度报告
二、主动公开政府信息情况
|
第二十条第(一)项 | |||
|
信息内容 |
本年制发件数 |
本年废止件数 |
现行有效件数 |
${rows}
|
第二十条第(五)项 | |||
|
信息内容 |
本年处理决定数量 | ||
|
行政许可 |
14 | ||`;

  it('reads the pipes between a row’s last value and the next row’s opening pipe as its blanks', async () => {
    const report = await parse(
      page(`|
规章 |
2 |
1 |
|
|
行政规范性文件 |
6 |
3 |
17 |`),
    );
    expect(['issued', 'repealed', 'inForce'].map((c) => report.cells[`s2.regulations.${c}`] ?? null)).toEqual([
      2,
      1,
      null,
    ]);
    expect(['issued', 'repealed', 'inForce'].map((c) => report.cells[`s2.normativeDocs.${c}`])).toEqual([6, 3, 17]);
    expect(report.cells['s2.licensing.decisions']).toBe(14);
  });

  it('leaves a lone pipe before a row of values alone: it opens the row', async () => {
    const text = `某县统计局2022年政府信息公开工作年度报告
四、政府信息公开行政复议、行政诉讼情况
|
行政复议 |
行政诉讼 |
|
结果维持 |
结果纠正 |
其他结果 |
尚未审结 |
总计 |
未经复议直接起诉 |
复议后起诉 |
|
${['1', '0', '0', '0', '1', '0', '2', '0', '0', '2', '0', '0', '0', '0', '0'].map((v) => `${v} |`).join('\n')}
五、存在的主要问题及改进情况`;
    const report = await parse(text);
    expect(report.cells['s4.review.upheld']).toBe(1);
    expect(report.cells['s4.suit.corrected']).toBe(2);
    expect(report.cells['s4.suitAfterReview.total']).toBe(0);
  });
});

describe('a section 二 row a cell a line whose blank cells left no trace', () => {
  const page = (regulations: string) => `某县交通运输局2021年度政府信息公开工作报告

二、主动公开政府信息情况

第二十条第(一)项

信息内容

本年制发件数

本年废止件数

现行有效件数

规章

${regulations}

行政规范性文件

2

0

5

第二十条第(五)项

信息内容

本年处理决定数量

行政许可

8`;

  it('places none of its values by their order', async () => {
    // "4" alone under three columns: 本年制发, 本年废止 or 现行有效 — the page does not say which.
    const report = await parse(page('4'));
    expect(['issued', 'repealed', 'inForce'].map((c) => report.cells[`s2.regulations.${c}`] ?? null)).toEqual([
      null,
      null,
      null,
    ]);
    expect(['issued', 'repealed', 'inForce'].map((c) => report.cells[`s2.normativeDocs.${c}`])).toEqual([2, 0, 5]);
    expect(report.cells['s2.licensing.decisions']).toBe(8);
  });

  it('places no run of digits either: "152" may be 1, 5, 2', async () => {
    const report = await parse(page('152'));
    expect(['issued', 'repealed', 'inForce'].map((c) => report.cells[`s2.regulations.${c}`] ?? null)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('still reads a full row in order', async () => {
    const report = await parse(page('1\n\n0\n\n4'));
    expect(['issued', 'repealed', 'inForce'].map((c) => report.cells[`s2.regulations.${c}`])).toEqual([1, 0, 4]);
  });
});

describe('a section 二 row a cell a line whose values ran together', () => {
  it('leaves a run of zeros to the aligner: every reading of it is 0, 0, 0', async () => {
    const text = `某县交通运输局2021年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第(一)项
信息内容
本年制发件数
本年废止件数
现行有效件数
规章
000
行政规范性文件
2
0
5
第二十条第(五)项
信息内容
本年处理决定数量
行政许可
26`;
    const report = await parse(text);
    expect(['issued', 'repealed', 'inForce'].map((c) => report.cells[`s2.regulations.${c}`])).toEqual([0, 0, 0]);
    expect(report.cells['s2.licensing.decisions']).toBe(26);
  });
});

describe('a transcript whose section 二 table has columns of its own', () => {
  const page = (table: string) => `2023年某区政府信息公开工作年度报告

二、主动公开政府信息情况
${table}

三、收到和处理政府信息公开申请情况
本机关未收到政府信息公开申请。`;

  it('places no value of a row that fills one of its three columns', async () => {
    const report = await parse(
      page(`| 项目 | 2023年 |
| --- | --- |
| 规章 | 0 |
| 规范性文件 | 27 |
| 行政许可 | 340 |
| 行政处罚 | 18 |`),
    );
    for (const row of ['regulations', 'normativeDocs'])
      expect(['issued', 'repealed', 'inForce'].map((c) => report.cells[`s2.${row}.${c}`] ?? null)).toEqual([
        null,
        null,
        null,
      ]);
    // A row of one column has but one place.
    expect(report.cells['s2.licensing.decisions']).toBe(340);
    expect(report.cells['s2.penalty.decisions']).toBe(18);
  });

  it('still places a short row under the national headers in order', async () => {
    const report = await parse(
      page(`| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| --- | --- | --- | --- |
| 规章 | 0 | 0 |
| 行政规范性文件 | 4 | 1 | 12 |`),
    );
    expect(['issued', 'repealed'].map((c) => report.cells[`s2.regulations.${c}`])).toEqual([0, 0]);
    expect(['issued', 'repealed', 'inForce'].map((c) => report.cells[`s2.normativeDocs.${c}`])).toEqual([4, 1, 12]);
  });
});
