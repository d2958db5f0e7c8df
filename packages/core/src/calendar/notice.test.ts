import { describe, expect, it } from 'vitest';
import { WorkCalendar } from './calendar.js';
import { defaultCalendarYears } from './data.js';
import { addCalendarDays } from './dates.js';
import { parseHolidayNotice } from './notice.js';

/**
 * The item texts of the State Council's notices (国务院办公厅关于20XX年部分节假日安排的通知), as
 * published, in the forms of different years: 周四 and 星期日, spans across the new year, lunar
 * remarks, 与周末连休, 不调休, a combined 中秋节、国庆节.
 */
const NOTICES: Record<number, string> = {
  2019: `一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。
二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。
三、清明节：4月5日放假，与周末连休。
四、劳动节：5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）上班。
五、端午节：6月7日放假，与周末连休。
六、中秋节：9月13日放假，与周末连休。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。`,
  2023: `一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。
二、春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。
三、清明节：4月5日放假，共1天。
四、劳动节：4月29日至5月3日放假调休，共5天。4月23日（星期日）、5月6日（星期六）上班。
五、端午节：6月22日至24日放假调休，共3天。6月25日（星期日）上班。
六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。`,
  2024: `一、元旦：1月1日放假，与周末连休。
二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。
三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
五、端午节：6月10日放假，与周末连休。
六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。`,
  2025: `一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。`,
  2026: `一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`,
};

const shipped = new WorkCalendar(defaultCalendarYears(), { provisional: false });

describe('parseHolidayNotice: real notices', () => {
  for (const [key, text] of Object.entries(NOTICES)) {
    const year = Number(key);
    it(`${year}: every day of the year as the shipped calendar has it`, () => {
      const parsed = parseHolidayNotice(text, year);
      expect(parsed.issues).toEqual([]);
      const calendar = new WorkCalendar([parsed.year], { provisional: false });
      const differences: string[] = [];
      for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addCalendarDays(date, 1)) {
        if (calendar.isWorkingDay(date) !== shipped.isWorkingDay(date)) differences.push(date);
      }
      expect(differences).toEqual([]);
    });
  }

  it('names each day after its item, and keeps days of another year apart', () => {
    const parsed = parseHolidayNotice(NOTICES[2023] ?? '', 2023);
    expect(parsed.year.holidays.slice(0, 2)).toEqual([
      { date: '2023-01-01', name: '元旦' },
      { date: '2023-01-02', name: '元旦' },
    ]);
    expect(parsed.outside).toEqual([{ date: '2022-12-31', name: '元旦', kind: 'holiday' }]);
    expect(parsed.year.workdays).toContainEqual({ date: '2023-10-07', name: '中秋节、国庆节' });
    const y2019 = parseHolidayNotice(NOTICES[2019] ?? '', 2019);
    expect(y2019.outside).toContainEqual({ date: '2018-12-29', name: '元旦', kind: 'workday' });
  });

  it('reads full-width digits and a single line', () => {
    const parsed = parseHolidayNotice(
      '一、元旦：１月１日（周四）至３日（周六）放假调休，共３天。１月４日（周日）上班。',
      2026,
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.year.holidays.map((d) => d.date)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect(parsed.year.workdays).toEqual([{ date: '2026-01-04', name: '元旦' }]);
  });
});

describe('parseHolidayNotice: what it cannot read, in Chinese', () => {
  it('asks for the items when there are none', () => {
    expect(parseHolidayNotice('国务院办公厅关于2027年部分节假日安排的通知', 2027).issues[0]?.message).toContain(
      '未找到“一、元旦：……”形式的条目',
    );
  });

  it('names the item without days off, an impossible date and a weekday given as 上班', () => {
    const parsed = parseHolidayNotice(
      '一、元旦：另行通知。\n二、春节：2月30日放假。\n三、清明节：4月5日放假。4月7日（周三）上班。',
      2027,
    );
    const messages = parsed.issues.map((issue) => `${issue.path}：${issue.message}`);
    expect(messages).toContain('第一项“元旦”：未找到放假日期（应写作“1月1日至3日放假”）');
    expect(messages.some((m) => m.startsWith('第二项“春节”') && m.includes('不存在的日期'))).toBe(true);
    expect(messages.some((m) => m.includes('2027-04-07 不是周六或周日'))).toBe(true);
  });
});
