import { describe, expect, it } from 'vitest';
import { readMeta } from './meta.js';
import { placeless } from './organ.js';
import { statementOrgan } from './statement.js';

/*
 * Shapes found in a fourth round of real report openings (kept out of the repository), with
 * invented organs: a department's words that hold a place word's character, a page's "目录" above
 * a title, a statement that calls the report by what it tells, a body whose later years are the
 * page's date and next year's plans. Each with a case that must not trigger.
 */

const lines = (text: string) => text.split('\n');

describe('a department whose words hold a place word’s character', () => {
  it('is cut short of its place: 市场监督, 城乡建设, 乡村振兴, 城市管理 name no place', () => {
    for (const name of ['市市场监管局', '县住房和城乡建设局', '区乡村振兴局', '市城市管理局', '市场监督管理局'])
      expect(placeless(name), name).toBe(true);
  });

  it('keeps a place that ends in 城 or names the same words after a place', () => {
    for (const name of ['青梧市市场监督管理局', '青梧县住房和城乡建设局', '晋川城市城市管理局', '龙城乡人民政府'])
      expect(placeless(name), name).toBe(false);
  });

  it('is no organ as the subject of the first sentence, nor in a title', () => {
    const subject = readMeta(lines('一、总体情况\n2024年，市市场监管局坚持以习近平新时代中国特色社会主义思想为指导。'));
    expect(subject.agency).toBeUndefined();
    const title = readMeta(lines('县住房和城乡建设局2023年政府信息公开工作年度报告\n一、总体情况\n我局认真贯彻。'));
    expect(title.agency).toBeUndefined();
    expect(title.year).toBe(2023);
  });

  it('is read whole where its place is given', () => {
    const meta = readMeta(lines('一、总体情况\n2024年，青梧县住房和城乡建设局坚持以人民为中心，认真贯彻条例。'));
    expect(meta).toMatchObject({ agency: '青梧县住房和城乡建设局', agencyFrom: 'subject' });
  });
});

describe('a page’s chrome above a title without a year', () => {
  it('takes no "目录" or "打印" into the organ', () => {
    for (const chrome of ['目录', '打印'])
      expect(
        readMeta(lines(`${chrome}\n青梧街道政府信息公开工作年度报告\n一、总体情况\n2021年，我街道认真贯彻。`)),
      ).toMatchObject({
        agency: '青梧街道',
        year: 2021,
      });
  });

  it('still joins a title broken after the organ', () => {
    expect(readMeta(lines('青梧县林业局\n2023年政府信息公开工作年度报告\n一、总体情况'))).toMatchObject({
      agency: '青梧县林业局',
      year: 2023,
    });
  });
});

describe('a statement that calls the report by what it tells', () => {
  it('names the organ: "特向社会公布某局2024年政府信息公开情况。"', () => {
    expect(
      statementOrgan('为进一步做好政府信息公开工作，特向社会公布青梧市统计局2024年政府信息公开情况。报告全文包括……'),
    ).toBe('青梧市统计局');
  });

  it('not where the words run on past 情况 or the organ is cut short', () => {
    expect(statementOrgan('现发布青梧市统计局2024年政府信息公开情况统计表的说明。')).toBeUndefined();
    expect(statementOrgan('特向社会公布市统计局2024年政府信息公开情况。')).toBeUndefined();
  });
});

describe('the year from the body of a page that dates itself', () => {
  it('is before the page’s date: the later years are the date and next year’s plans', () => {
    const meta = readMeta(
      lines(
        '青梧县林业局政府信息公开工作年度报告\n发布日期：2025年01月20日\n一、总体情况\n2024年，我局认真贯彻条例。\n' +
          '五、存在的主要问题及改进情况\n2025年，我局将进一步加强。2025年继续推进。\n青梧县林业局\n2025年1月18日',
      ),
    );
    expect(meta).toMatchObject({ agency: '青梧县林业局', year: 2024, yearFrom: 'body', publishedOn: '2025-01-20' });
  });

  it('is open when the body names no year before the page’s date', () => {
    const meta = readMeta(
      lines(
        '青梧县林业局政府信息公开工作年度报告\n发布时间：2025-01-20\n一、总体情况\n本年度，我局认真贯彻条例。\n2025年，我局将进一步加强。',
      ),
    );
    expect(meta.year).toBeUndefined();
  });

  it('is the body’s most named year where the page gives no date', () => {
    const meta = readMeta(
      lines(
        '青梧县林业局政府信息公开工作年度报告\n一、总体情况\n2024年，我局认真贯彻。\n2025年，我局将加强。2025年继续。',
      ),
    );
    expect(meta.year).toBe(2025);
  });
});

describe('the 落款 of a page whose text runs on past it', () => {
  const footer = [
    '扫一扫在手机打开当前页',
    '【打印】【关闭】',
    '主办单位：青梧县人民政府办公室',
    '网站标识码：0000000000',
  ];
  const report = ['一、总体情况', '2023年，我局认真贯彻条例。', '六、其他需要报告的事项', '无。'];

  it('is read above the site’s footer', () => {
    const meta = readMeta([...report, '青梧县林业局', '2024年1月20日', ...footer, ...footer, ...footer]);
    expect(meta).toMatchObject({ agency: '青梧县林业局', agencyFrom: 'signature', year: 2023 });
  });

  it('is read with the name and the date on one line, and its date is no year reported on', () => {
    const meta = readMeta(['一、总体情况', '我局认真贯彻条例。', '青梧县林业局 2024年1月20日']);
    expect(meta).toMatchObject({ agency: '青梧县林业局', agencyFrom: 'signature' });
    expect(meta.year).toBeUndefined();
  });

  it('is no 落款 where the line above the date is prose or a name cut short', () => {
    expect(readMeta([...report, '特此报告', '2024年1月20日', ...footer]).agency).toBeUndefined();
    expect(readMeta([...report, '县林业局 2024年1月20日']).agency).toBeUndefined();
  });
});

describe('an organ’s name alone at the head of a page without a title', () => {
  const report = [
    '根据《条例》要求，现公布区政府国资局2022年政府信息公开工作年度报告。',
    '一、总体情况',
    '2022年，我局结合工作实际，主动公开信息4条。',
  ];

  it('is the organ where the report speaks of itself as that kind of organ', () => {
    expect(readMeta(['青梧区国资局', ...report])).toMatchObject({ agency: '青梧区国资局', agencyFrom: 'header' });
  });

  it('is not where the kinds disagree, the header is a government’s, or the name is cut short', () => {
    expect(readMeta(['青梧区人民政府', ...report]).agency).toBeUndefined();
    expect(readMeta(['青梧区国资局', ...report.map((line) => line.replace('我局', '我们'))]).agency).toBeUndefined();
    expect(readMeta(['区国资局', ...report]).agency).toBeUndefined();
    expect(readMeta(['青梧区国资局 政府信息公开', ...report]).agency).toBeUndefined();
  });
});

describe('a title that opens a long line', () => {
  it('is read though the sentence after it quotes a 《…<格式>》', () => {
    const line =
      '青梧市青梧区人民政府办公室2021年政府信息公开工作年度报告(以下简称年报)是根据《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》规定编制。';
    expect(readMeta([line, '一、总体情况'])).toMatchObject({
      agency: '青梧市青梧区人民政府办公室',
      agencyFrom: 'title',
      year: 2021,
    });
  });

  it('is no title when a breadcrumb opens the line', () => {
    const line =
      '首页 > 信息公开 > 青梧区人民政府办公室2021年政府信息公开工作年度报告(以下简称年报)是根据《条例》规定编制的报告，内容包括总体情况等六个部分。';
    expect(readMeta([line, '一、总体情况']).agencyFrom).not.toBe('title');
  });
});

describe('a first sentence whose subject does "以…为…"', () => {
  it('names the organ: "某某区人民政府办公室以提升…质量为抓手"', () => {
    const meta = readMeta([
      '一、概述',
      '2021年，在区委区政府的正确领导下，青梧区人民政府办公室以提升政府信息公开工作质量为抓手，坚持深入推进政务公开。',
    ]);
    expect(meta).toMatchObject({ agency: '青梧区人民政府办公室', agencyFrom: 'subject' });
  });

  it('not where the subject is a bare place or a level and an organ', () => {
    for (const subject of ['青梧区', '区政府办公室'])
      expect(
        readMeta(['一、总体情况', `2021年，${subject}以建设法治政府为目标，进一步完善平台建设。`]).agency,
        subject,
      ).toBeUndefined();
  });
});
