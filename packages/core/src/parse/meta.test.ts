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
    // A contact line names an organ, not whose report it is.
    expect(readMeta(['一、总体情况', prose]).agency).toBeUndefined();
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
    expect(meta).toMatchObject({ agency: '上城区应急管理局', agencyFrom: 'subject', year: 2021, yearFrom: 'body' });
  });

  it.each([
    // a two-line title under the site's menu bullets
    [
      ['• 无障碍阅读', '• 本站支持IPV6', '渭南市临渭区民政局', '2023年政府信息公开工作年度报告', '来源:区民政局'],
      '渭南市临渭区民政局',
      2023,
    ],
    // a breadcrumb naming the column, then the page's own 标题 field spaced out
    [
      [
        '当前位置: 首页 > 政务公开 > 政府信息公开年报 > 正文',
        '标   题 县政府办2022年度政府信息公开工作年度报告',
        '发布机构 县政府办公室 公文时效 有效',
        '2022年,神木县人民政府办公室认真落实条例。',
      ],
      '神木县人民政府办公室',
      2022,
    ],
    // the page's fields as a table above the title
    [
      [
        '索引号 | 公开方式 | 发布机构 |',
        '0001/2009-00021 | 主动公开 | 古浪县黄羊川镇人民政府 |',
        '2008年黄羊川镇人民政府信息公开工作年度报告',
      ],
      '黄羊川镇人民政府',
      2008,
    ],
    [['2022年江苏省政府信息公开工作年度报告'], '江苏省人民政府', 2022],
    [['平潭综合实验区政府信息公开工作年度报告（2023年度）'], '平潭综合实验区', 2023],
    // a ministry's "工作报告"
    [['水利部2024年政府信息公开工作报告', '发布时间：2025-01-20'], '水利部', 2024],
    [['云县人民政府2022年政府信息公开工作年度报告 |', '||||||||', '来源: 作者: 时间:2023-01-31'], '云县人民政府', 2022],
  ])('reads the title of a page as published %j', (lines, agency, year) => {
    expect(readMeta([...lines, '一、总体情况', '正文。'])).toMatchObject({ agency, year });
  });

  it('reads a title without a year, the year then from the statistics period', () => {
    const meta = readMeta([
      '光华路街道政府信息公开工作年度报告',
      '所列数据统计期限为2025年1月1日至2025年12月31日。如有疑问，请与九原区光华路街道党群服务中心联系。',
    ]);
    expect(meta).toMatchObject({ agency: '光华路街道', agencyFrom: 'title', year: 2025 });
  });

  it.each([
    [['| 关键词 | 发布机构 | 西关办事处 | |'], '西关办事处'],
    [['發布單位: | 峡口鎮 |'], '峡口镇'],
    [['索 引 号: X/2024-00124 | 发文机关: 湘东区应急管理局 | 文 号: |'], '湘东区应急管理局'],
    [['信息来源: 凉州区武南镇人民政府 发布日期: 2009-01-06'], '凉州区武南镇人民政府'],
  ])('reads the organ from the page field %j', (lines, agency) => {
    expect(readMeta([...lines, '一、总体情况', '正文。'])).toMatchObject({ agency, agencyFrom: 'field' });
  });

  it('never takes a site, a nameless organ or a phrase of prose for the organ', () => {
    expect(readMeta(['来源:区应急管理局', '发文机构: 县政府网站', '一、总体情况', '正文。']).agency).toBeUndefined();
    const meta = readMeta([
      '一、总体情况',
      '2025年中仓街道积极推动街道政府信息公开工作。综合办公室按要求主动公示了中仓街道办事处2024年度部门决算。',
    ]);
    // The first sentence's subject, not the name in the prose after it.
    expect(meta).toMatchObject({ agency: '中仓街道', agencyFrom: 'subject' });
    expect(readMeta(['一、总体情况', '阜南县残疾人联合会认真落实条例。']).agency).toBe('阜南县残疾人联合会');
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

describe('titles worded otherwise', () => {
  it.each([
    [['某某自治县政府2019年信息公开工作年度报告'], '某某自治县政府', 2019],
    [['某某市人民政府办公室关于2014年政府信息公开工作的年度报告'], '某某市人民政府办公室', 2014],
    [['某某市交通运输局关于2016年度政府信息公开工作情况的报告'], '某某市交通运输局', 2016],
    [['某某县自然资源局关于2021年度政府信息公开情况的报告'], '某某县自然资源局', 2021],
    [['Page 8 - 某某市某某区信访局2022年政府信息公开工作年度报告', 'P. 8'], '某某市某某区信访局', 2022],
    [['某某经济开发区管委会', '政府信息公开工作2013年度报告'], '某某经济开发区管委会', 2013],
    [['[某某镇]2012年某某镇政府信息公开工作年度报告'], '某某镇人民政府', 2012],
    [
      ['某某县人民政府2019年 政府信息公开工作年度报告 一、总体情况 2019年，某某县政府信息公开工作以条例为指导。'],
      '某某县人民政府',
      2019,
    ],
    // the bare report's name above the organ's title
    [
      ['2022年政府信息公开工作年度报告', '某某县某某镇人民政府', '2022年政府信息公开工作年度报告'],
      '某某县某某镇人民政府',
      2022,
    ],
    // the site's name above the page's 标题 field
    [['某某县畜牧渔业服务中心', '标题: 2008年某某县畜牧局政府信息公开工作年度报告'], '某某县畜牧局', 2008],
  ])('reads %j', (lines, agency, year) => {
    expect(readMeta([...lines, '一、总体情况', '正文。'])).toMatchObject({ agency, year, agencyFrom: 'title' });
  });

  it.each([
    [['2023年政府信息公开工作年度报告', '上一篇：某某县2022年政府信息公开工作年度报告']],
    [['2023年政府信息公开工作年度报告', '某某县2022年政府信息公开工作年度报告']],
  ])('takes no title of another year for the organ %j', (lines) => {
    const meta = readMeta([...lines, '一、总体情况', '我局公开信息。']);
    expect(meta).toMatchObject({ title: '2023年政府信息公开工作年度报告', year: 2023 });
    expect(meta.agency).toBeUndefined();
  });

  it('reads no calendar year from an academic year', () => {
    const meta = readMeta(['某某大学2024—2025学年信息公开年度报告', '统计期限为2024年9月1日到2025年8月31日。']);
    expect(meta).toMatchObject({ agency: '某某大学' });
    expect(meta.year).toBeUndefined();
    expect(readMeta(['某某大学2023年政府信息公开工作年度报告', '2022-2023学年。']).year).toBe(2023);
  });

  it('does not take a place that starts with a level word for a nameless organ', () => {
    expect(readMeta(['镇某自治县政府2019年信息公开工作年度报告']).agency).toBe('镇某自治县政府');
    expect(readMeta(['市中区民政局2019年政府信息公开工作年度报告']).agency).toBe('市中区民政局');
  });

  it('leaves an organ cut short of its place open', () => {
    expect(
      readMeta(['标题: | 林业局2008年政府信息公开年度报告 |', '一、总体情况', '我局公开信息5条。']).agency,
    ).toBeUndefined();
    expect(
      readMeta(['市卫生健康委2023年政府信息公开工作年度报告', '一、总体情况', '我委公开信息。']).agency,
    ).toBeUndefined();
    expect(
      readMeta(['发布单位: 交通运输局', '发布机构 | 政府办公室 |', '一、总体情况', '正文。']).agency,
    ).toBeUndefined();
  });
});
