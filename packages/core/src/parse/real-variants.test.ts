import { describe, expect, it } from 'vitest';
import { parseReport } from './index.js';
import { matchRowLabel } from './labels.js';
import { readMeta } from './meta.js';

/*
 * Ways published pages differ from the national template, each in an invented report laid out as
 * real pages are: labels with the 2019 template's notes kept, a 繁体 mirror's wording, blank
 * cells in section 四's row of values, a breadcrumb a line per item above the title.
 */

const rowKey = (text: string): string | undefined => {
  const match = matchRowLabel(text, false);
  return match?.kind === 'row' ? match.label.key : undefined;
};

describe('row labels with the template’s note kept after them', () => {
  it.each([
    ['规章（设区的市、自治州人民政府应提供相关数据）', 'regulations'],
    ['规章(设区的市、自治州人民政府应提供相关数据)', 'regulations'],
    [
      '其他对外管理服务事项(指行政许可以外的政务服务事项,含行政确认、行政奖励、行政裁决、行政给付、行政检查、行政征收和其他类,以及公共服务事项)',
      'otherServices',
    ],
    ['行政许可（指本年办件量）', 'licensing'],
    // A 繁体 mirror with Taiwan wording writes 文件 as 檔案.
    ['規範性檔案(行政機關制定發布的決定、公告、通告、意見、通知)', 'normativeDocs'],
    ['规范性档案', 'normativeDocs'],
  ])('reads %s as the row %s', (text, key) => {
    expect(rowKey(text)).toBe(key);
  });

  it.each([
    // The words before the note name no row.
    ['规章制度建设（本机关新修订三项）'],
    ['其他主动公开文件（含以本单位名义正式签发的文件）'],
    // Prose with a bracket at its end is no label.
    ['本年度共制发规章（含修订）'],
  ])('reads %s as no row', (text) => {
    expect(rowKey(text)).toBeUndefined();
  });
});

describe('section 四 in a table whose blank cells are empty', () => {
  it('keeps each blank in its column', async () => {
    const html = `<html><body><p>某县水利局2022年政府信息公开工作年度报告</p>
      <p>四、政府信息公开行政复议、行政诉讼情况</p>
      <table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
      <tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td>
        <td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
      <tr>${'<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>'.repeat(2)}</tr>
      <tr><td>3</td><td>&nbsp;</td><td>&nbsp;</td><td>1</td><td>4</td><td>2</td><td>&nbsp;</td><td>&nbsp;</td>
        <td>&nbsp;</td><td>2</td><td>&nbsp;</td><td>1</td><td>&nbsp;</td><td>&nbsp;</td><td>1</td></tr></table>
      <p>五、存在的主要问题及改进情况</p></body></html>`;
    const { report } = await parseReport(new TextEncoder().encode(html), { file: 'page.html' });
    const cell = (id: string) => report.cells[id] ?? null;
    expect([
      cell('s4.review.upheld'),
      cell('s4.review.corrected'),
      cell('s4.review.pending'),
      cell('s4.review.total'),
    ]).toEqual([3, null, 1, 4]);
    expect([cell('s4.suit.upheld'), cell('s4.suit.other'), cell('s4.suit.total')]).toEqual([2, null, 2]);
    expect([cell('s4.suitAfterReview.upheld'), cell('s4.suitAfterReview.corrected')]).toEqual([null, 1]);
    expect(cell('s4.suitAfterReview.total')).toBe(1);
  });
});

describe('lines of the page above the title', () => {
  it('is not taken for the title', () => {
    const lines = [
      '首页',
      '政务公开',
      '政府信息公开',
      '政府信息公开年报',
      '某某新区管理委员会2021年度政府信息公开工作年度报告',
      '一、总体情况',
    ];
    expect(readMeta(lines)).toMatchObject({ agency: '某某新区管理委员会', year: 2021, agencyFrom: 'title' });
  });

  it('takes no word of the page from the line above a whole title', () => {
    // A transcript's "正文" (the page's body tab) on the line above the title.
    const meta = readMeta(['正文', '某某市 2024 年政府信息公开工作年度报告', '一、总体情况']);
    expect(meta).toMatchObject({ agency: '某某市', year: 2024, agencyFrom: 'title' });
  });

  it('still joins a title broken over two lines', () => {
    expect(readMeta(['某某新区管理委员会2021年度', '政府信息公开工作年度报告', '一、总体情况'])).toMatchObject({
      agency: '某某新区管理委员会',
      year: 2021,
    });
  });
});
