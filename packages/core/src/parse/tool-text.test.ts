import { describe, expect, it } from 'vitest';
import { tableCellIds } from '../model/cells.js';
import { s3Row } from '../../test/support/pages.js';
import { parseReport } from './index.js';

/*
 * Shapes of the text real tools print from a report's PDF (bench/tool-text.js): pdftotext's -raw
 * and default reading orders, reproduced with invented organs and figures. Where the text does
 * not say which row a figure is in, the cell stays open with a finding, never a guess.
 */

const read = async (text: string) => parseReport(new TextEncoder().encode(text), { file: 'page.txt' });

const named = (findings: readonly { cells: readonly string[] }[], id: string) =>
  findings.some((finding) => finding.cells.includes(id));

const TITLE = '青石县水务局2022年政府信息公开工作年度报告\n一、总体情况\n本局认真落实条例。';

describe('section 四 under a one-line 行政复议 行政诉讼 header (pdftotext -raw)', () => {
  it('reads the fifteen figures after headers printed a word or two a line', async () => {
    const { report } = await read(`${TITLE}
四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结果
维持
结果
纠正
其他
结果
尚未
审结
总计 未经复议直接起诉 复议后起诉
结果
维持
结果
纠正
其他
结果
尚未
审结
总计 结果
维持
3 1 0 2 6 2 0 1 1 4 0 1 0 2 3
五、存在的主要问题及改进情况
无。`);
    expect(report.cells['s4.review.upheld']).toBe(3);
    expect(report.cells['s4.review.total']).toBe(6);
    expect(report.cells['s4.suit.total']).toBe(4);
    expect(report.cells['s4.suitAfterReview.total']).toBe(3);
  });
});

describe('a ruled table in pdftotext’s default order: each column under its header, apart from its rows', () => {
  it('leaves open a label whose next lines are a column’s figures running past the row', async () => {
    const { report, findings } = await read(`${TITLE}
三、收到和处理政府信息公开申请情况
（七）总计
四、结转下年度继续办理
申请人情况
自然人
法人或其他组织
总计
5
2
7
1
3
9
11
12
四、政府信息公开行政复议、行政诉讼情况
本局未发生行政复议、行政诉讼。`);
    expect(s3Row(report, 'carriedOut')).toEqual([null, null, null, null, null, null, null]);
    expect(named(findings, 's3.carriedOut.natural')).toBe(true);
  });

  it('leaves open a section 二 row whose figures follow the column headers', async () => {
    const { report, findings } = await read(`${TITLE}
二、主动公开政府信息情况
信息内容
规章
行政规范性文件
第二十条第（一）项
本年制发件数
本年废止件数
4
2
6
现行有效件数
3
8
三、收到和处理政府信息公开申请情况`);
    for (const column of ['issued', 'repealed', 'inForce']) {
      expect(report.cells[`s2.normativeDocs.${column}`] ?? null).toBeNull();
      expect(named(findings, `s2.normativeDocs.${column}`)).toBe(true);
    }
  });

  it('leaves open a label whose figure is followed by column headers and figures with no label', async () => {
    const { report, findings } = await read(`${TITLE}
二、主动公开政府信息情况
信息内容
行政许可
信息内容
行政处罚
行政强制
信息内容
行政事业性收费
46
第二十条第（六）项
本年处理决定数量
7
2
第二十条第（八）项
本年收费金额（单位：万元）
12.5
三、收到和处理政府信息公开申请情况`);
    expect(report.cells['s2.fees.amount'] ?? null).toBeNull();
    expect(named(findings, 's2.fees.amount')).toBe(true);
  });

  it('pairs no label with a lone figure when the labels take three', async () => {
    const { report } = await read(`${TITLE}
二、主动公开政府信息情况
信息内容
规章
行政规范性文件
第二十条第（一）项
本年制发件数
7
5
三、收到和处理政府信息公开申请情况`);
    expect(report.cells['s2.regulations.issued'] ?? null).toBeNull();
    expect(report.cells['s2.normativeDocs.issued'] ?? null).toBeNull();
  });
});

describe('a label printed beside its group’s heading (pdftotext: "予公开 5.属于三类内部事务信息")', () => {
  it('does not give the row before it the next row’s figures', async () => {
    const { report } = await read(`${TITLE}
三、收到和处理政府信息公开申请情况
3.危及“三安全一稳定”
2 0 0 0 1 0 3
1 0 1 0 0 0 2
（三）不 4.保护第三方合法权益
予公开 5.属于三类内部事务信息
0 4 0 0 0 1 5
6.属于四类过程性信息
0 0 2 0 0 0 2`);
    expect(s3Row(report, 'denied.thirdParty')).not.toEqual([0, 4, 0, 0, 0, 1, 5]);
    expect(s3Row(report, 'denied.internal')).toEqual([0, 4, 0, 0, 0, 1, 5]);
  });
});

describe('two rows printed on one baseline where a page breaks (pdftotext -layout)', () => {
  it('gives no row the figures whose digits run together ("00 01 30")', async () => {
    const { report } = await read(`${TITLE}
三、收到和处理政府信息公开申请情况
3.危及“三安全一稳定” 1 0 0 0 0 0 1
（三）不 4.保护第三方合法权益
予公开 5.属于三类内部事务信息 00 00 01 00 00 30 31
6.属于四类过程性信息 0 0 0 0 0 4 4`);
    for (const id of ['s3.denied.internal.otherOrg', 's3.denied.internal.total'])
      expect(report.cells[id] === 30 || report.cells[id] === 31).toBe(false);
  });
});

describe('section 四 whose headers pdftotext printed a character a line (a Chromium print, stacked or turned)', () => {
  const stacked = (words: string) => [...words].join('\n');
  const headers = stacked(
    '行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉' +
      '结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计',
  );
  const S4 = tableCellIds('s4', '2021');
  const FIGURES = [2, 1, 0, 1, 4, 0, 1, 1, 0, 2, 1, 0, 0, 1, 2];

  it('reads the fifteen figures under the heading the headers stand below (-raw)', async () => {
    const { report } = await read(`${TITLE}
四、政府信息公开行政复议、行政诉讼情况
${headers}
${FIGURES.join(' ')}
五、存在的主要问题及改进情况
无。`);
    expect(S4.map((id) => report.cells[id])).toEqual(FIGURES);
  });

  const layout = (figures: readonly number[]) =>
    read(`${TITLE}
四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结结其尚 未经复议直接起诉 复议后起诉
果果他未总 结结其尚 结结其尚
${figures.join('')}
五、存在的主要问题及改进情况
无。`);

  it('splits figures run together (-layout) where the group totals allow one split only', async () => {
    const { report } = await layout(FIGURES);
    expect(S4.map((id) => report.cells[id])).toEqual(FIGURES);
  });

  it('leaves open, with a finding, the figures run together that the totals split more than one way', async () => {
    // "1110012": 1 1 10 0 12, 11 1 0 0 12 and 1 11 0 0 12 all add up.
    const figures = [1, 1, 10, 0, 12, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1];
    const { report, findings } = await layout(figures);
    expect(report.cells['s4.review.upheld'] ?? null).toBeNull();
    S4.forEach((id, i) => {
      const value = report.cells[id] ?? null;
      if (value === null) expect(named(findings, id)).toBe(true);
      else expect(value).toBe(figures[i]);
    });
  });

  it('leaves every cell open, each named by a finding, when nothing near the figures names the table', async () => {
    const { report, findings } = await read(`${TITLE}
四、政府信息公开行政复议、行政诉讼情况
${'本部分统计口径为本机关作为被申请人或者被告的案件，不含本机关所属单位的案件，数据截至本年十二月三十一日，由法制机构会同办公室核对后填报，各栏数字均为件数。'.repeat(2)}
${stacked('议复政行讼诉政行果结持维')}
${FIGURES.join(' ')}
五、存在的主要问题及改进情况
无。`);
    for (const id of S4) {
      expect(report.cells[id] ?? null).toBeNull();
      expect(named(findings, id)).toBe(true);
    }
  });
});
