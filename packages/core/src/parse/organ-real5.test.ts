import { describe, expect, it } from 'vitest';
import { readMeta } from './meta.js';
import { statementOrgan } from './statement.js';
import { dateOf, signatureOrgan } from './signature.js';
import { titleParts } from './title.js';
import { placeless } from './organ.js';

/*
 * Shapes of a fifth round of real report openings (kept out of the repository; addresses in the local
 * evaluation set), and of the 落款 and covers of Word and PDF reports, with invented organs: the 落款's
 * date in Chinese numerals, full-width figures or dashes, a blank line or a seal between name and
 * date, a name spaced out; a township's 党政办 signing; a cover's name and date under the title; a
 * department's office compiling its report; 文章来源 / 发布部门 fields and a field's name over its value;
 * a breadcrumb naming the department; titles opening with 关于, in Chinese numerals, with the organ in
 * brackets after; a column's name above a title. Each with a case that must not trigger.
 */

const lines = (text: string) => text.split('\n');
const BODY = '2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局认真贯彻条例。';

describe('the 落款 as a Word or a PDF file prints it', () => {
  it('reads the date in Chinese numerals, full-width figures, dashes, or the month alone', () => {
    expect(dateOf('二〇二四年一月二十日')).toEqual({ year: 2024, month: 1, day: 20 });
    expect(dateOf('二〇二四年十二月三十一日')).toEqual({ year: 2024, month: 12, day: 31 });
    expect(dateOf('２０２４年１月２０日')).toEqual({ year: 2024, month: 1, day: 20 });
    expect(dateOf('2024 年 1 月 20 日')).toEqual({ year: 2024, month: 1, day: 20 });
    expect(dateOf('2024-01-20')).toEqual({ year: 2024, month: 1, day: 20 });
    expect(dateOf('2024年1月')).toEqual({ year: 2024, month: 1 });
    expect(dateOf('2024年13月2日')).toBeUndefined();
    expect(dateOf('发布时间：2024-01-20')).toBeUndefined();
  });

  it('takes the name over the date across a blank line, spaced out, or with its seal', () => {
    for (const signature of [
      '青梧县林业局\n\n2024年1月20日',
      '青 梧 县 林 业 局\n2024 年 1 月 20 日',
      '青梧县林业局（盖章）\n二〇二四年一月二十日',
    ])
      expect(signatureOrgan(lines(`${BODY}\n${signature}`)), signature).toBe('青梧县林业局');
  });

  it('takes the name and the date printed apart on one line', () => {
    const apart = `青梧县林业局${' '.repeat(60)}二〇二四年一月二十日`;
    expect(signatureOrgan(lines(`${BODY}\n${apart}`))).toBe('青梧县林业局');
  });

  it('gives the page its date for the year: a later year in the body is the page’s own', () => {
    const meta = readMeta(
      lines('政府信息公开工作年度报告\n一、总体情况\n2023年，我局认真贯彻条例。\n青梧县林业局\n二〇二四年一月二十日'),
    );
    expect(meta).toMatchObject({ agency: '青梧县林业局', year: 2023, publishedOn: '2024-01-20' });
  });

  it('does not take a township’s 党政办 for the organ, nor a site’s name and date at the head of a short page', () => {
    for (const office of ['青梧镇党政办', '青梧镇人民政府党政办公室', '青梧街道党政综合办公室'])
      expect(signatureOrgan(lines(`${BODY}\n${office}\n2024年1月20日`)), office).toBeUndefined();
    const head = readMeta(
      lines('青梧县人民政府\n2024-01-20\n2023年政府信息公开工作年度报告\n一、总体情况\n我局认真贯彻条例。'),
    );
    expect(head.agency).toBeUndefined();
  });
});

describe('a cover’s name and date under the title', () => {
  it('names the organ', () => {
    const meta = readMeta(
      lines('2023年度政府信息公开工作年度报告\n青梧县林业局\n2024年1月\n一、总体情况\n我局认真贯彻条例。'),
    );
    expect(meta).toMatchObject({ agency: '青梧县林业局', agencyFrom: 'signature', year: 2023 });
  });

  it('is not a site’s name and the day’s date above the title', () => {
    const meta = readMeta(
      lines('青梧县人民政府\n2024年1月20日\n2023年度政府信息公开工作年度报告\n一、总体情况\n我局认真贯彻条例。'),
    );
    expect(meta.agency).toBeUndefined();
  });
});

describe('a department’s office that compiles its report', () => {
  it('stands for its department', () => {
    expect(statementOrgan('本报告由青梧县林业局办公室编制。')).toBe('青梧县林业局');
    expect(statementOrgan('本报告由青梧区人力资源和社会保障局政府信息公开工作机构-办公室编制完成。')).toBe(
      '青梧区人力资源和社会保障局',
    );
  });

  it('says nothing of a township’s or a government’s report', () => {
    expect(statementOrgan('本报告由青梧镇党政办编制。')).toBeUndefined();
    expect(statementOrgan('本报告由青梧县人民政府办公室编制。')).toBeUndefined();
  });
});

describe('statements that publish the report', () => {
  it('reads 现将 and 现公开 before the report’s name', () => {
    expect(statementOrgan('现将青梧县林业局2023年政府信息公开工作年度报告公布如下。')).toBe('青梧县林业局');
    expect(statementOrgan('现公开青梧街道2023年政府信息公开工作年度报告。')).toBe('青梧街道');
    expect(statementOrgan('现将2023年政府信息公开工作年度报告公布如下。')).toBeUndefined();
    // A customs office reports on its district.
    expect(statementOrgan('梳理编制青梧海关关区2023年政府信息公开工作年度报告。')).toBe('青梧海关');
    expect(statementOrgan('梳理编制我关2023年政府信息公开工作年度报告。')).toBeUndefined();
  });

  it('reads the organ that owns the work as the first sentence’s subject', () => {
    const meta = readMeta(
      lines('一、总体情况\n2020年，青梧县林业局政府信息公开工作在县委、县政府的领导下，扎实推进。'),
    );
    expect(meta).toMatchObject({ agency: '青梧县林业局', agencyFrom: 'subject' });
    const prose = readMeta(lines('一、总体情况\n2020年，我局政府信息公开工作在县委、县政府的领导下，扎实推进。'));
    expect(prose.agency).toBeUndefined();
  });
});

describe('a page’s fields and breadcrumb', () => {
  it('reads 文章来源, 发布部门, and a field’s name on the line over its value', () => {
    for (const field of [
      '文章来源：青梧县林业局 发布时间：2024-01-20',
      '发布部门：青梧县林业局',
      '发布机构\n青梧县林业局',
      '发布机构：青梧县林业局办公室',
    ])
      expect(
        readMeta(lines(`${BODY.split('\n')[0]}\n${field}\n一、总体情况\n2023年，我局认真贯彻条例。`)).agency,
        field,
      ).toBe('青梧县林业局');
  });

  it('does not take a township’s 党政办 or a department without its place', () => {
    for (const field of ['发布机构：青梧镇党政办', '发布机构\n林业局'])
      expect(
        readMeta(lines(`${BODY.split('\n')[0]}\n${field}\n一、总体情况\n我镇认真贯彻条例。`)).agency,
        field,
      ).toBeUndefined();
  });

  it('takes the breadcrumb’s department where the report speaks of itself as one', () => {
    const meta = readMeta(lines(`当前位置：首页 > 青梧县林业局 > 政务公开 > 年报\n${BODY}`));
    expect(meta).toMatchObject({ agency: '青梧县林业局', agencyFrom: 'header' });
  });

  it('does not take a breadcrumb’s government, nor a department the report does not speak as', () => {
    expect(readMeta(lines(`当前位置：首页 > 青梧县人民政府 > 部门 > 年报\n${BODY}`)).agency).toBeUndefined();
    const town =
      '当前位置：首页 > 青梧县林业局 > 年报\n2023年政府信息公开工作年度报告\n一、总体情况\n我镇认真贯彻条例。';
    expect(readMeta(lines(town)).agency).toBeUndefined();
  });
});

describe('a site’s header above the title', () => {
  it('names the department below the site’s menus where the report speaks as one', () => {
    const meta = readMeta(lines(`无障碍 | 长者模式\n青梧市生态环境局\n首页 政务公开 互动交流\n${BODY}`));
    expect(meta).toMatchObject({ agency: '青梧市生态环境局', agencyFrom: 'header' });
  });

  it('does not name a government, nor a kind of organ the report does not speak as', () => {
    expect(readMeta(lines(`无障碍\n青梧市人民政府\n首页 政务公开\n${BODY}`)).agency).toBeUndefined();
    const town = '青梧市生态环境局\n首页 政务公开\n2023年政府信息公开工作年度报告\n一、总体情况\n我镇认真贯彻条例。';
    expect(readMeta(lines(town)).agency).toBeUndefined();
  });
});

describe('titles', () => {
  it('are never a sentence that announces the report', () => {
    const meta = readMeta(lines('一、总体情况\n现将青梧县林业局2023年政府信息公开工作情况报告如下：\n（一）主动公开'));
    expect(meta).toMatchObject({ agency: '青梧县林业局', agencyFrom: 'statement', year: 2023 });
    expect(meta.title).toBeUndefined();
  });

  it('reads 关于, a year in Chinese numerals or full-width figures, the organ in brackets after', () => {
    expect(titleParts('关于青梧县林业局2023年政府信息公开工作年度报告')).toEqual({
      agency: '青梧县林业局',
      year: 2023,
    });
    expect(titleParts('青梧县林业局二〇二三年政府信息公开工作年度报告')).toEqual({
      agency: '青梧县林业局',
      year: 2023,
    });
    expect(titleParts('青梧县林业局２０２３年政府信息公开工作年度报告')).toEqual({
      agency: '青梧县林业局',
      year: 2023,
    });
    expect(titleParts('2023年政府信息公开工作年度报告（青梧县林业局）')).toEqual({
      agency: '青梧县林业局',
      year: 2023,
    });
  });

  it('reads a heading a PDF prints letter-spaced, and leaves a row of single figures alone', () => {
    const meta = readMeta(
      lines('青 梧 县 林 业 局\n2 0 2 3 年 政 府 信 息 公 开 工 作 年 度 报 告\n一、总体情况\n我局认真贯彻条例。'),
    );
    expect(meta).toMatchObject({ agency: '青梧县林业局', agencyFrom: 'title', year: 2023 });
    const figures = readMeta(lines('0 0 0 0\n2023年政府信息公开工作年度报告\n一、总体情况'));
    expect(figures).toMatchObject({ title: '2023年政府信息公开工作年度报告', year: 2023 });
    expect(figures.agency).toBeUndefined();
  });

  it('takes nothing from a column’s name above, yet joins a name or a title broken over lines', () => {
    expect(readMeta(lines(`信息公开专栏\n${BODY}`)).title).toBe('2023年政府信息公开工作年度报告');
    expect(readMeta(lines(`青梧县林业局\n${BODY}`)).agency).toBe('青梧县林业局');
    expect(readMeta(lines('青梧县林业局2023年度政府\n信息公开工作年度报告\n一、总体情况')).agency).toBe('青梧县林业局');
  });
});

describe('titles and organs the fifth round of real pages showed', () => {
  it('takes a title that says 年度工作报告 for 工作年度报告', () => {
    const meta = readMeta(
      lines('青梧乡人民政府2019年度政府信息公开年度工作报告\n一、总体情况\n2019年，我乡认真贯彻条例。'),
    );
    expect(meta.agency).toBe('青梧乡人民政府');
    expect(meta.year).toBe(2019);
  });

  it('takes a park’s committee, which holds no place word, from the title over its short form in the body', () => {
    const meta = readMeta(
      lines('青梧科技产业园管理委员会2022年度政府信息公开工作年度报告\n根据条例，青梧科技产业园管委会编制本报告。'),
    );
    expect(meta.agency).toBe('青梧科技产业园管理委员会');
    expect(placeless('青梧工业园区管委会')).toBe(false);
    // A committee cut short of its place still is: "县发展和改革委员会".
    expect(placeless('县发展和改革委员会')).toBe(true);
  });
});

describe('a title cut short of its place, completed from the body', () => {
  it('takes the name after 现公开 in the opening statement, not the words before it', () => {
    const meta = readMeta(
      lines(
        '市人民政府办公室2025年政府信息公开工作年度报告\n根据条例要求,现公开青梧市人民政府办公室2025年政府信息公开工作年度报告。\n一、总体情况',
      ),
    );
    expect(meta.agency).toBe('青梧市人民政府办公室');
  });
});

describe('a title a PDF broke within its words', () => {
  it('joins the line that ends mid-word with the next, and takes its organ and year', () => {
    const meta = readMeta(
      lines('青梧县国土资源局2009年政府信息公开工\n作年度报告\n一、总体情况\n2009年，本局认真贯彻条例。'),
    );
    expect(meta).toMatchObject({ agency: '青梧县国土资源局', year: 2009, yearFrom: 'title' });
    // A menu's words over a whole title still stay apart.
    expect(readMeta(lines('首页 政务公开\n2023年政府信息公开工作年度报告\n一、总体情况')).title).toBe(
      '2023年政府信息公开工作年度报告',
    );
  });
});
