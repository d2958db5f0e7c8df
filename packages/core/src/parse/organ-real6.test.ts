import { describe, expect, it } from 'vitest';
import { readMeta } from './meta.js';
import { placeless } from './organ.js';
import { statementOrgan, subjectOrgan } from './statement.js';

/*
 * Shapes of a sixth round of real report openings (kept out of the repository; addresses in the local
 * evaluation set), with invented organs: a township's report quoting its own title in 《》 after "我镇
 * 认真编制了"; a subject followed by 根据; a site's name above a bare title that the report does not
 * speak as; a school's own unit by its short name ("图书馆", "金融学院"). Each with a case that must not
 * trigger.
 */

const lines = (text: string) => text.split('\n');

describe('a report’s name in 《》 restating its title', () => {
  it('names a township or a zone, as the title would', () => {
    expect(statementOrgan('根据条例，我镇认真编制了《青梧镇2020年政府信息公开工作年度报告》。')).toBe('青梧镇');
    expect(statementOrgan('结合实际，编制并向社会公布《青梧高新区2021年政府信息公开工作年度报告》。')).toBe(
      '青梧高新区',
    );
  });

  it('does not take a township named without the quotes, nor a bare county in them', () => {
    expect(statementOrgan('现将青梧镇2020年政府信息公开工作年度报告公布如下。')).toBeUndefined();
    expect(statementOrgan('我镇认真编制了《青梧县2020年政府信息公开工作年度报告》。')).toBeUndefined();
  });

  it('is not a name in the contact line after it', () => {
    const meta = readMeta(
      lines(
        '根据条例，编制本报告。如对本报告有任何疑问，请与青梧县白露镇人民政府联系。\n一、总体情况\n2021年，我镇认真贯彻条例。',
      ),
    );
    expect(meta.agency).toBeUndefined();
  });
});

describe('a subject followed by 根据', () => {
  it('is the organ of the first sentence', () => {
    expect(subjectOrgan('一、总体情况\n2021年，青梧镇人民政府根据省、市、县下发的文件要求，扎实推进政务公开。')).toBe(
      '青梧镇人民政府',
    );
    expect(subjectOrgan('一、总体情况\n青梧县林业局依据条例，认真做好信息公开。')).toBe('青梧县林业局');
  });

  it('is not a clause that opens with 根据, nor an organ cut short of its place', () => {
    expect(subjectOrgan('一、总体情况\n根据青梧县人民政府的部署，我镇扎实推进政务公开。')).toBeUndefined();
    expect(subjectOrgan('一、总体情况\n2021年，县林业局根据条例，扎实推进政务公开。')).toBeUndefined();
  });
});

describe('a site’s name above a bare title', () => {
  const title = '2023年政府信息公开工作年度报告';

  it('is not the organ of a report that speaks of itself as another kind', () => {
    const meta = readMeta(lines(`青梧县人民政府\n${title}\n一、总体情况\n2023年，我局认真贯彻条例。`));
    expect(meta.agency).toBeUndefined();
    expect(meta.year).toBe(2023);
    const town = readMeta(lines(`青梧县林业局\n${title}\n一、总体情况\n2023年，我镇认真贯彻条例。`));
    expect(town.agency).toBeUndefined();
  });

  it('still names the organ whose report speaks as one, or says nothing of itself', () => {
    expect(readMeta(lines(`青梧县林业局\n${title}\n一、总体情况\n2023年，我局认真贯彻条例。`)).agency).toBe(
      '青梧县林业局',
    );
    expect(readMeta(lines(`青梧县白露镇人民政府\n${title}\n一、总体情况\n我镇认真贯彻条例。`)).agency).toBe(
      '青梧县白露镇人民政府',
    );
    expect(readMeta(lines(`青梧县人民政府\n${title}\n一、总体情况\n全县认真贯彻条例。`)).agency).toBe('青梧县人民政府');
  });

  it('leaves a title on one line alone, and takes 本办法 for no organ’s word', () => {
    const one = readMeta(lines(`青梧县人民政府${title}\n一、总体情况\n我局认真贯彻条例。`));
    expect(one.agency).toBe('青梧县人民政府');
    const rule = readMeta(lines(`青梧县人民政府\n${title}\n一、总体情况\n本办法所称信息，全县认真公开。`));
    expect(rule.agency).toBe('青梧县人民政府');
  });
});

describe('a school’s own unit by its short name', () => {
  it('is cut short of its school', () => {
    for (const name of ['图书馆', '金融学院', '外国语学院']) expect(placeless(name), name).toBe(true);
    const meta = readMeta(
      lines('图书馆\n图书馆2023-2024学年信息公开工作年度报告\n一、概述\n图书馆认真学习贯彻有关要求。'),
    );
    expect(meta.agency).toBeUndefined();
    const subject = readMeta(lines('一、概述\n2023-2024学年度，金融学院高度重视信息公开工作。'));
    expect(subject.agency).toBeUndefined();
  });

  it('is not a university, nor a college named by its place', () => {
    for (const name of ['青梧大学', '青梧州外语职业学院', '青梧市图书馆']) expect(placeless(name), name).toBe(false);
    const meta = readMeta(lines('青梧大学2023—2024学年信息公开年度报告\n一、概述\n学校高度重视信息公开工作。'));
    expect(meta.agency).toBe('青梧大学');
  });
});
