import { describe, expect, it } from 'vitest';
import { cellPerLineS3, s3Row } from '../../test/support/pages.js';
import { parseReport } from './index.js';
import { readCell, toSimplifiedText } from './normalise.js';

/*
 * More ways published pages differ from the national template, found in a second round of real
 * pages (kept out of the repository) and reproduced here with invented organs and figures: 本年增/减
 * written in words, section 四's headers printed a character a line in a PDF's text, a 繁体
 * mirror's pinyin after some characters, a "?" left where a special space was.
 */

const parse = async (text: string, file = 'page.txt') =>
  (await parseReport(new TextEncoder().encode(text), { file })).report;

describe('本年增/减 written in words', () => {
  it.each([
    ['减4', -4],
    ['增2', 2],
    ['增加13', 13],
    ['减少1个', -1],
    ['减 3', -3],
  ])('reads %s as %d', (text, value) => {
    expect(readCell(text)).toEqual({ kind: 'number', value });
  });

  it.each([['减免'], ['增/减'], ['减4件以上'], ['增加']])('reads %s as no number', (text) => {
    expect(readCell(text)).toEqual({ kind: 'text' });
  });

  it('places a change written so in its row', async () => {
    const text = `某县林业局2020年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第(五)项 |
信息内容 |
上一年项目数量 |
本年增/减 |
处理决定数量 |
行政许可 |
9 |
减2 |
31 |
其他对外管理服务事项 |
3 |
增加1 |
0 |`;
    const report = await parse(text);
    expect(
      ['prevItems', 'change', 'decisions']
        .flatMap((c) => [`s2.licensing.${c}`, `s2.otherServices.${c}`])
        .map((id) => report.cells[id]),
    ).toEqual([9, 3, -2, 1, 31, 0]);
  });
});

describe('a "?" standing for a character the page could not encode', () => {
  it.each([
    ['? 0', 0],
    ['?\u00a012', 12],
  ])('reads %s as %d', (text, value) => {
    expect(readCell(text)).toEqual({ kind: 'number', value });
  });

  it.each([['?'], ['0?'], ['?0'], ['? 是']])('reads %s as no number', (text) => {
    expect(readCell(text).kind).not.toBe('number');
  });
});

describe('a 繁体 mirror’s pinyin after some characters', () => {
  it('drops the reading, keeps the text', () => {
    expect(toSimplifiedText('規(guī)章')).toBe('规章');
    expect(toSimplifiedText('本年制發(fā)件數(shù)')).toBe('本年制发件数');
  });

  it.each([['规章(a)'], ['附件(1)'], ['abc(fā)'], ['说明(zhu)']])('leaves %s as it is', (text) => {
    expect(toSimplifiedText(text)).toBe(text);
  });

  it('reads the rows of such a page', async () => {
    const text = `某縣水務局2021年政府信息公開工作年度報告
二、主動(dòng)公開政府信息情況
第二十條第(一)項(xiàng) | |||
信息內(nèi)容 |
本年制發(fā)件數(shù) |
本年廢止件數(shù) |
現(xiàn)行有效件數(shù) |
規(guī)章 |
0 |
0 |
0 |
行政規(guī)范性文件 |
2 |
? 1 |
17 |`;
    const report = await parse(text);
    expect(['issued', 'repealed', 'inForce'].map((c) => report.cells[`s2.normativeDocs.${c}`])).toEqual([2, 1, 17]);
    expect(report.cells['s2.regulations.inForce']).toBe(0);
  });
});

describe('section 四 in a PDF’s text, its headers a character a line', () => {
  const page = (between: string) => `某区档案局2020年政府信息公开工作年度报告
四、政府信息公开行政复议、行政诉讼情况
${between}行政复议 行政诉讼
未经复议直接起诉 复议后起诉
结 结 其 尚
结 结 其 尚 结 结 其 尚
果 果 他 未
总计 果 果 他 未 总 果 果 他 未 总
维 纠 结 审
维 纠 结 审 计 维 纠 结 审 计
持 正 果 结
持 正 果 结 持 正 果 结
2 1 0 1 4 0 0 0 0 0 1 0 1 0 2
五、存在的主要问题及改进情况
本年度工作仍有不足。`;
  const s4 = ['review', 'suit', 'suitAfterReview'].flatMap((g) =>
    ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `s4.${g}.${c}`),
  );

  it.each([
    ['right under the heading', ''],
    ['with prose and a year between', '2020 年,本局未出现申请行政复议的情况。\n'],
  ])('reads the fifteen values in order (%s)', async (_, between) => {
    const report = await parse(page(between));
    expect(s4.map((id) => report.cells[id])).toEqual([2, 1, 0, 1, 4, 0, 0, 0, 0, 0, 1, 0, 1, 0, 2]);
  });

  it('reads no values after a line that names both among other words', async () => {
    const text = `某区档案局2020年政府信息公开工作年度报告
四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼 情况说明如下
全年接待来访 12 人次,办理咨询 3 件,1 2 0 1 4 0 0 0 0 0 1 0 1 0 2。
五、存在的主要问题及改进情况
本年度工作仍有不足。`;
    const report = await parse(text);
    expect(s4.map((id) => report.cells[id] ?? null)).toEqual(s4.map(() => null));
  });
});

describe('a row of a PDF’s text, its values on the label’s line, on a page that starts inside the table', () => {
  const page = (rows: string) => `- 5 -
${rows}
四、政府信息公开行政复议、行政诉讼情况
本局未发生行政复议、行政诉讼。`;
  const ids = (row: string) =>
    ['natural', 'business', 'research', 'ngo', 'legal', 'otherOrg', 'total'].map((c) => `s3.${row}.${c}`);

  it('reads the values after each label', async () => {
    const report = await parse(
      page(`3.其他 1 0 0 0 0 0 1
（七）总计 36 2 0 0 1 0 39
四、结转下年度继续办理 4 0 0 0 0 0 4`),
    );
    expect(ids('carriedOut').map((id) => report.cells[id])).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(ids('total').map((id) => report.cells[id])).toEqual([36, 2, 0, 0, 1, 0, 39]);
  });

  it.each([
    ['a blank lost', '四、结转下年度继续办理 4 4'],
    ['one value too many', '四、结转下年度继续办理 4 0 0 0 0 0 0 4'],
    ['a number ending the label', '结转下年度继续办理 2 4 0 0 0 0 0 4'],
  ])('places none of them with %s', async (_, row) => {
    const report = await parse(page(row));
    expect(ids('carriedOut').map((id) => report.cells[id] ?? null)).toEqual(ids('carriedOut').map(() => null));
  });
});

describe('a table copied a cell a line whose blank cells were dropped', () => {
  const page = (rows: string) =>
    cellPerLineS3('某镇人民政府2020年政府信息公开工作年度报告', rows, '本镇未发生行政复议、行政诉讼。');

  it('puts no value of a short row by its order', async () => {
    // 自然人 4 and 总计 4 with the five blanks between them gone: "4", "4" is no 自然人 and 商业企业.
    const report = await parse(
      page(`一、本年新收政府信息公开申请数量 |
4 |
4 |
|||||||
二、上年结转政府信息公开申请数量 |
0 |
|||||||
三、本年度办理结果 |
(一)予以公开 |
4 |
4 |
||||||`),
    );
    expect(s3Row(report, 'new')).toEqual([null, null, null, null, null, null, null]);
    expect(s3Row(report, 'granted')).toEqual([null, null, null, null, null, null, null]);
    // A lone 0 is 0 wherever it stands.
    expect(s3Row(report, 'carriedIn')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('still reads a full row in order', async () => {
    const report = await parse(
      page(`一、本年新收政府信息公开申请数量 |
3 |
1 |
0 |
0 |
0 |
0 |
4 |
二、上年结转政府信息公开申请数量 |`),
    );
    expect(s3Row(report, 'new')).toEqual([3, 1, 0, 0, 0, 0, 4]);
  });
});

describe('a pipe row whose blank cells each broke the line', () => {
  it('keeps each blank in its column', async () => {
    const text = `某区商务局2020年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |
自然人 | 法人或其他组织 | 总计 |
商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |
一、本年新收政府信息公开申请数量 | 12 |
|
|
|
|
| 12 |
二、上年结转政府信息公开申请数量 |
|
|
|
|
|
| 0 |
三、本年度办理结果 | (一)予以公开 | 5 | 2 |
|
|
|
| 7 |`;
    const report = await parse(text);
    const cells = (key: string) =>
      ['natural', 'business', 'research', 'ngo', 'legal', 'otherOrg', 'total'].map(
        (c) => report.cells[`s3.${key}.${c}`] ?? null,
      );
    expect(cells('new')).toEqual([12, null, null, null, null, null, 12]);
    expect(cells('carriedIn')).toEqual([null, null, null, null, null, null, 0]);
    expect(cells('granted')).toEqual([5, 2, null, null, null, null, 7]);
  });

  it('leaves the lone pipes that open a row of one cell a line as they are', async () => {
    const text = `某乡人民政府2022年政府信息公开工作年度报告
二、主动公开政府信息情况
|
第二十条第(一)项 |
|||
|
信息内容 |
本年制发件数 |
本年废止件数 |
现行有效件数 |
|
规章 |
0 |
0 |
0 |
|
行政规范性文件 |
1 |
0 |
6 |`;
    const report = await parse(text);
    expect(['issued', 'repealed', 'inForce'].map((c) => report.cells[`s2.normativeDocs.${c}`])).toEqual([1, 0, 6]);
  });
});
