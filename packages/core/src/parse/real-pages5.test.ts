import { describe, expect, it } from 'vitest';
import { s3Row } from '../../test/support/pages.js';
import { parseReport } from './index.js';

/*
 * Shapes found in a fifth round (real pages kept out of the repository, and the same pages' tables
 * written as transcribers and text browsers write them), reproduced with invented organs and figures:
 * a table ruled with the full-width "｜" of Chinese input and OCR, a text browser's box-drawn table
 * ("│ 规章 │ 0 │" between "├──┼──┤" borders), and a Markdown transcription whose labels are set in
 * bold ("| **规章** | 3 |").
 */

const parse = async (text: string) => (await parseReport(new TextEncoder().encode(text), { file: 'page.txt' })).report;

/** A report's tables as rows of cells, each row one line in `rule`'s hands; `upTo` cuts the page there. */
const tables = (rule: (cells: readonly string[]) => string, upTo = '四、') => {
  const lines = [
    '白石镇人民政府2023年政府信息公开工作年度报告',
    '二、主动公开政府信息情况',
    rule(['第二十条第(一)项']),
    rule(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']),
    rule(['规章', '0', '0', '0']),
    rule(['行政规范性文件', '4', '1', '27']),
    rule(['第二十条第(五)项']),
    rule(['信息内容', '本年处理决定数量']),
    rule(['行政许可', '15']),
    rule(['第二十条第(六)项']),
    rule(['信息内容', '本年处理决定数量']),
    rule(['行政处罚', '6']),
    rule(['行政强制', '0']),
    rule(['第二十条第(八)项']),
    rule(['信息内容', '本年收费金额(单位:万元)']),
    rule(['行政事业性收费', '0']),
    '三、收到和处理政府信息公开申请情况',
    rule(['(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)', '申请人情况']),
    rule(['自然人', '法人或其他组织', '总计']),
    rule(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']),
    rule(['一、本年新收政府信息公开申请数量', '9', '2', '0', '0', '1', '0', '12']),
    rule(['二、上年结转政府信息公开申请数量', '1', '0', '0', '0', '0', '0', '1']),
    rule(['三、本年度办理结果', '(一)予以公开', '5', '1', '0', '0', '0', '0', '6']),
    rule(['(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '2', '1', '0', '0', '1', '0', '4']),
    rule(['(三)不予公开', '1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0']),
    '四、政府信息公开行政复议、行政诉讼情况',
  ];
  return lines.slice(0, lines.findIndex((line) => line.startsWith(upTo)) + 1).join('\n');
};

const expectTables = (report: Awaited<ReturnType<typeof parse>>) => {
  expect(report.cells['s2.normativeDocs.issued']).toBe(4);
  expect(report.cells['s2.normativeDocs.repealed']).toBe(1);
  expect(report.cells['s2.normativeDocs.inForce']).toBe(27);
  expect(report.cells['s2.licensing.decisions']).toBe(15);
  expect(report.cells['s2.penalty.decisions']).toBe(6);
  expect(s3Row(report, 'new')).toEqual([9, 2, 0, 0, 1, 0, 12]);
  expect(s3Row(report, 'carriedIn')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  expect(s3Row(report, 'granted')).toEqual([5, 1, 0, 0, 0, 0, 6]);
  expect(s3Row(report, 'partial')).toEqual([2, 1, 0, 0, 1, 0, 4]);
};

describe('tables ruled with other characters than "|"', () => {
  it('reads a table ruled with the full-width "｜"', async () => {
    expectTables(await parse(tables((cells) => `｜${cells.join('｜')}｜`)));
    // Without the outer rules, as a transcriber types it.
    expectTables(await parse(tables((cells) => cells.join(' ｜ '))));
  });

  it('reads a text browser’s box-drawn table, its borders between rows left out', async () => {
    const boxed = (cells: readonly string[]) => {
      const border = `├${cells.map((cell) => '─'.repeat(cell.length + 2)).join('┼')}┤`;
      return `│ ${cells.join(' │ ')} │\n${border}`;
    };
    expectTables(await parse(tables(boxed)));
  });

  it('keeps a "｜" of the prose or the page’s header as it reads', async () => {
    const report = await parse(
      `首页｜政务公开｜政府信息公开年报\n${tables((cells) => `| ${cells.join(' | ')} |`)}\n本镇联系电话：0000-1234567｜传真同号`,
    );
    expectTables(report);
    expect(report.meta.year).toBe(2023);
  });
});

describe('a Markdown transcription with its labels in bold', () => {
  const markdown = (cells: readonly string[]) =>
    `| ${cells.map((cell) => (/^\d/.test(cell) ? cell : `**${cell}**`)).join(' | ')} |`;

  it('reads the bold labels and headers as the labels and headers', async () => {
    expectTables(await parse(tables(markdown)));
    // The first page of the transcription, ending in section 二: no whole table to align it by.
    const report = await parse(tables(markdown, '| **第二十条第(六)项**'));
    expect(report.cells['s2.normativeDocs.inForce']).toBe(27);
    expect(report.cells['s2.licensing.decisions']).toBe(15);
  });

  it('reads a figure set in bold as the figure', async () => {
    const report = await parse(
      tables((cells) => `| ${cells.map((cell) => (cell === '27' ? '**27**' : cell)).join(' | ')} |`),
    );
    expect(report.cells['s2.normativeDocs.inForce']).toBe(27);
  });

  it('leaves a cell that only starts or ends with a star as it is', async () => {
    // "*注" is a footnote mark, not emphasis: the row keeps its label, its figures read.
    const report = await parse(
      tables((cells) => `| ${cells.map((cell) => (cell === '行政许可' ? '行政许可*' : cell)).join(' | ')} |`),
    );
    expect(report.cells['s2.licensing.decisions']).toBe(15);
  });
});

describe('a paragraph kept from the year before', () => {
  // A real 2023 page states "2022年，…共制定规范性文件0件，…现行有效的规范性文件0件" above a table saying 4 and 32.
  const page = (sentence: string) =>
    [
      '青禾镇人民政府2023年政府信息公开工作年度报告',
      '一、总体情况',
      `(三)政府信息管理情况。${sentence}`,
      '二、主动公开政府信息情况',
      '第二十条第(一)项',
      '信息内容本年制发件数本年废止件数现行有效件数',
      '规章000',
      '行政规范性文件2315',
      '第二十条第(五)项',
      '信息内容本年处理决定数量',
      '行政许可3',
      '第二十条第(六)项',
      '信息内容本年处理决定数量',
      '行政处罚0',
      '行政强制0',
      '三、收到和处理政府信息公开申请情况',
    ].join('\n');
  const normative = (report: Awaited<ReturnType<typeof parse>>) =>
    ['issued', 'repealed', 'inForce'].map((column) => report.cells[`s2.normativeDocs.${column}`] ?? null);

  it('does not let a sentence on another year choose how a run of digits splits', async () => {
    // "2315" is 2, 3, 15 or 2, 31, 5: last year's "5件" is no witness for this year's table.
    const report = await parse(page('2022年，本镇党政办公室共制定规范性文件1件，现行有效的规范性文件5件。'));
    expect(normative(report)).toEqual([2, null, null]);
  });

  it('still lets the report’s own year decide it', async () => {
    const report = await parse(page('2023年，本镇党政办公室共制定规范性文件2件，现行有效的规范性文件15件。'));
    expect(normative(report)).toEqual([2, 3, 15]);
  });
});

describe('a table whose cells are joined with commas', () => {
  // A spreadsheet's CSV export, or a crawler joining a row's cells with "，".
  it('reads each comma-separated figure as a cell after its label', async () => {
    expectTables(await parse(tables((cells) => cells.join(','))));
    expectTables(await parse(tables((cells) => `${cells.join('，')}，`)));
  });

  it('reads a 2019 table so, not as the 2021 table of one figure a row', async () => {
    const report = await parse(
      [
        '红岭乡人民政府2020年政府信息公开工作年度报告',
        '二、主动公开政府信息情况',
        '第二十条第(五)项,',
        '信息内容,上一年项目数量,本年增/减,处理决定数量,',
        '行政许可,12,0,18,',
        '其他对外管理服务事项,40,3,18,',
        '第二十条第(六)项,',
        '信息内容,上一年项目数量,本年增/减,处理决定数量,',
        '行政处罚,7,-1,5,',
        '三、收到和处理政府信息公开申请情况',
      ].join('\n'),
    );
    expect(['prevItems', 'change', 'decisions'].map((c) => report.cells[`s2.licensing.${c}`])).toEqual([12, 0, 18]);
    expect(['prevItems', 'change', 'decisions'].map((c) => report.cells[`s2.penalty.${c}`])).toEqual([7, -1, 5]);
  });

  it('keeps a thousands-grouped figure and a sentence of prose as they read', async () => {
    const report = await parse(
      [
        '红岭乡人民政府2023年政府信息公开工作年度报告',
        '全年主动公开政府信息1,215条,其中政策文件23条。',
        tables((cells) => `| ${cells.join(' | ')} |`)
          .split('\n')
          .slice(1)
          .join('\n'),
      ].join('\n'),
    );
    expectTables(report);
  });
});
