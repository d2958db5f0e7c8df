import { describe, expect, it } from 'vitest';
import { readMeta } from './meta.js';
import { simplify } from './normalise.js';
import { statementOrgan, subjectOrgan } from './statement.js';

describe('the report saying whose report it is', () => {
  it.each([
    ['根据《条例》要求,现向社会公布2019年度某某自治县人民政府办公室信息公开工作年度报告。', '某某自治县人民政府办公室'],
    ['现公布某某镇人民政府办公室2009年政府信息公开工作年度报告。', '某某镇人民政府办公室'],
    ['现编制《某某新区某某街道办事处2023年度政府信息公开工作年度报告》。', '某某新区某某街道办事处'],
    ['现公布2012年某某镇政府信息公开工作年度报告。', '某某镇人民政府'],
    ['形成某某市文化局2011年政府信息公开年度报告。', '某某市文化局'],
    ['现公布某某区委(区政府)办公室2017年政府信息公开年度报告。', '某某区委(区政府)办公室'],
    ['现公布某某县人民政府(县人民政府办公室)2019年政府信息公开工作年度报告。', '某某县人民政府'],
    ['现编制2018-2019学年某某理工大学信息公开工作年度报告。', '某某理工大学'],
    ['本年度报告是根据《条例》的要求,由某某区应急管理局编制。', '某某区应急管理局'],
    ['本年度报告由国家某某事务管理局根据《条例》要求编制而成。', '国家某某事务管理局'],
    ['为落实《条例》,提升透明度,某某镇人民政府特此编制2024年度政府信息公开工作年度报告。', '某某镇人民政府'],
    ['根据《条例》的要求,某某市某某区东湖街道特编制2023年政府信息公开年度报告。', '某某市某某区东湖街道'],
  ])('reads the organ the opening names as its own %s', (opening, organ) => {
    expect(statementOrgan(simplify(opening))).toBe(organ);
  });

  it.each([
    // the organ speaking of itself, with no name
    '精心编制我局2016年度信息公开年度报告。',
    '特向社会公布2012年度本级政府信息公开年度报告。',
    // an organ cut short of its place
    '现将林业局2018年度政府信息公开工作年度报告如下。',
    '由信访局结合有关统计数据编制。',
    '由市区编制。',
    // a government's office compiles its government's report as often as its own
    '本年度报告是根据《条例》的要求,由某某区人民政府办公室编制。',
    '本报告由某某镇人民政府党政办公室编制。',
    // a clause of prose before the verb, not a name
    '按照条例要求区政府办公室编制2023年度政府信息公开工作年度报告。',
    '结合我局实际,认真总结,精心编制我局2016年度信息公开年度报告。',
    // a notice the report was written under, not the report
    '按照《某某县人民政府办公室关于做好2019年度政府信息公开工作年度报告编制和发布工作的通知》要求。',
    '本报告电子版可在某某市人民政府网站下载。如有疑问,请与某某市某某局办公室联系。',
  ])('reads no organ from %s', (opening) => {
    expect(statementOrgan(simplify(opening))).toBeUndefined();
  });

  it.each([
    ['一、总体情况\n2023年,在区委、区政府的坚强领导下,某某街道办事处认真贯彻落实《条例》。', '某某街道办事处'],
    ['2022年,某某乡人民政府坚持以习近平新时代中国特色社会主义思想为指导,认真落实。', '某某乡人民政府'],
    ['一、总体情况\n2024年,某某高新区坚持以习近平新时代中国特色社会主义思想为指导。', '某某高新区'],
    [
      '特编制完成本报告。\n一、工作概述\n2025年,某某县水利局坚持以《条例》为根本遵循,持续深化政务公开。',
      '某某县水利局',
    ],
    [
      '一、基本工作情况\n（一）领导机构\n2012年按照某某市的工作要求,某某镇人民政府及时完善了工作领导小组。',
      '某某镇人民政府',
    ],
  ])('reads the subject of the first sentence %j', (text, organ) => {
    expect(subjectOrgan(simplify(text))).toBe(organ);
  });

  it.each([
    // a name within a clause, not its subject
    '一、总体情况\n2023年,通过某某市人民政府门户网站公开信息63条。',
    // the organ speaking of itself, and a level without a place
    '一、总体情况\n2021年,我旗紧紧围绕《条例》。',
    '一、总体情况\n2021年,市政府办公室认真贯彻落实《条例》。',
    // a region, not an organ; the work, not who did it
    '一、总体情况\n2022年,某某市坚持以习近平新时代中国特色社会主义思想为指导。',
    '一、总体情况\n2019年,某某县政府信息公开工作以习近平新时代中国特色社会主义思想为指导。',
  ])('reads no subject from %j', (text) => {
    expect(subjectOrgan(simplify(text))).toBeUndefined();
  });

  it('prefers the title, and says where a name outside it came from', () => {
    const opening = '现公布某某县人民政府2019年政府信息公开工作年度报告。';
    expect(readMeta(['某某县民政局2019年政府信息公开工作年度报告', opening])).toMatchObject({
      agency: '某某县民政局',
      agencyFrom: 'title',
    });
    expect(readMeta(['一、总体情况', opening])).toMatchObject({ agency: '某某县人民政府', agencyFrom: 'statement' });
  });
});
