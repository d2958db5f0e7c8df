import { describe, expect, it } from 'vitest';
import { matchRowLabel } from './labels.js';
import { readMeta } from './meta.js';
import { readCell } from './normalise.js';

describe('readMeta', () => {
  it.each([
    [['淮北市相山区应急管理局2020年', '政府信息公开工作年度报告'], '淮北市相山区应急管理局', 2020],
    [['2021年海盐县应急管理局政府信息公开工作年度报告'], '海盐县应急管理局', 2021],
    [['卫滨区应急管理局政府信息公开工作年度报告（2023年度）'], '卫滨区应急管理局', 2023],
    [['上城区民政局关于2022年度政府信息公开工作年度报告'], '上城区民政局', 2022],
  ])('reads organ and year from the title %j', (lines, agency, year) => {
    expect(readMeta([...lines, '一、总体情况', '正文。'])).toMatchObject({
      agency,
      year,
      agencyFrom: 'title',
      yearFrom: 'title',
    });
  });

  it.each([
    [['标题: 平潭综合实验区2024年度政府信息公开工作年度报告'], '平潭综合实验区'],
    [['热门搜索：长者模式退出长者模式无障碍浏览平潭综合实验区2020年度政府信息公开工作年度报告'], '平潭综合实验区'],
  ])('reads the organ without a field name or the site chrome before the title %j', (lines, agency) => {
    const meta = readMeta([...lines, '一、总体情况']);
    expect(meta.agency).toBe(agency);
    expect(meta.title?.startsWith(agency)).toBe(true);
  });

  it('takes the organ from the signature, then the page field, never from a phrase of prose', () => {
    const prose = '根据区政府部署，充分保障了市民对政府信息的知情权。如有疑问，请与阿巴嘎旗自然资源局联系。';
    expect(readMeta(['一、总体情况', prose, '天津市滨海新区北塘街道办事处', '2024年1月20日'])).toMatchObject({
      agency: '天津市滨海新区北塘街道办事处',
      agencyFrom: 'signature',
    });
    expect(readMeta(['发布机构：阿巴嘎旗自然资源局', '一、总体情况', prose])).toMatchObject({
      agency: '阿巴嘎旗自然资源局',
      agencyFrom: 'field',
    });
    expect(readMeta(['一、总体情况', prose])).toMatchObject({
      agency: '阿巴嘎旗自然资源局',
      agencyFrom: 'body',
    });
    expect(readMeta(['一、总体情况', '根据区政府部署，充分保障了市民对政府信息的知情权。']).agency).toBeUndefined();
  });

  it('completes the organ the body names in full', () => {
    const meta = readMeta(['一、总体情况', '北塘街道办事处认真落实条例。北塘街道办事处公开信息。']);
    expect(meta.agency).toBe('北塘街道办事处');
  });

  it('completes a title that lacks the place from the body', () => {
    const meta = readMeta([
      '市应急管理局2021年度政府信息公开',
      '年度报告',
      '现公布《大冶市应急管理局2021年政府信息公开工作年度报告》。',
    ]);
    expect(meta).toMatchObject({ agency: '大冶市应急管理局', agencyFrom: 'title+body', year: 2021 });
  });

  it('takes organ and year from the body when there is no title', () => {
    const meta = readMeta([
      '一、总体情况',
      '2021年,上城区应急管理局认真贯彻落实条例。上城区应急管理局通过门户网站发布信息。',
    ]);
    expect(meta).toMatchObject({ agency: '上城区应急管理局', agencyFrom: 'body', year: 2021, yearFrom: 'body' });
  });

  it('reads the publication date from the page or the signature, never from within the year reported on', () => {
    expect(
      readMeta(['某县民政局2023年政府信息公开工作年度报告', '发布时间：2024-01-20 10:30', '一、总体情况']).publishedOn,
    ).toBe('2024-01-20');
    expect(
      readMeta(['某县民政局2023年政府信息公开工作年度报告', '2023年3月1日起施行。', '某县民政局', '2024年2月5日'])
        .publishedOn,
    ).toBe('2024-02-05');
    expect(readMeta(['某县民政局2023年政府信息公开工作年度报告', '2023年12月31日']).publishedOn).toBeUndefined();
  });

  it('prefers the statistics period for the year', () => {
    expect(
      readMeta(['本报告所列数据的统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。2024年将继续。']).year,
    ).toBe(2023);
  });
});

describe('labels and values', () => {
  it.each([
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'partial'],
    ['2.其他法律行政法规禁止公', 'denied.prohibited'],
    ['3. 危及"三安全一稳定"', 'denied.safety'],
    ['規範性文件', 'normativeDocs'],
    ['一、本年新收政府信息公开申请数量', 'new'],
  ])('matches %s', (text, key) => {
    const match = matchRowLabel(text, false);
    expect(match?.kind === 'row' ? match.label.key : match?.kind).toBe(key);
  });

  it('does not take short or prose text for a label', () => {
    expect(matchRowLabel('其他', false)).toBeUndefined();
    expect(matchRowLabel('总计', false)).toBeUndefined();
    expect(matchRowLabel('全年办理行政许可及其他对外管理服务事项共计105件。', false)).toBeUndefined();
    expect(matchRowLabel('3.其他', true)).toEqual({ kind: 'other-other' });
  });

  it.each([
    ['105件', 105],
    ['102.85万元', 102.85],
    ['1,035,000', 1035000],
    ['-2', -2],
    ['－2', -2],
    ['０', 0],
  ])('reads %s as %d', (text, value) => {
    expect(readCell(text)).toEqual({ kind: 'number', value });
  });

  it.each(['—', '/', '', '-', '无'])('reads %j as a blank', (text) => {
    expect(readCell(text)).toEqual({ kind: 'blank' });
  });
});
