import { describe, expect, it } from 'vitest';
import { CalendarError, WorkCalendar, type CalendarYear } from './calendar.js';
import { defaultCalendarYears, defaultWorkCalendar } from './data.js';
import { mergeCalendarYears } from './validate.js';

const calendar = defaultWorkCalendar();

function thrown(run: () => unknown): CalendarError {
  try {
    run();
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a CalendarError');
}

describe('WorkCalendar: days', () => {
  it('tells working days, weekends, holidays and 调休 Saturdays apart (2026)', () => {
    expect(calendar.dayInfo('2026-03-02')).toEqual({ working: true, kind: 'workday' });
    expect(calendar.dayInfo('2026-03-01')).toEqual({ working: false, kind: 'weekend' });
    expect(calendar.dayInfo('2026-02-16')).toEqual({ working: false, kind: 'holiday', name: '春节' });
    // A Sunday inside the holiday span is listed with the holiday's name.
    expect(calendar.dayInfo('2026-02-15')).toEqual({ working: false, kind: 'holiday', name: '春节' });
    expect(calendar.dayInfo('2026-02-14')).toEqual({ working: true, kind: 'adjustedWorkday', name: '春节' });
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-07')).toBe(false);
  });

  it('knows which years it covers', () => {
    expect(calendar.covers(2019)).toBe(true);
    expect(calendar.covers(2026)).toBe(true);
    expect(calendar.covers(2018)).toBe(false);
    expect(calendar.covers(2027)).toBe(false);
    const years = calendar.years();
    years.push(1999);
    expect(calendar.years()).not.toContain(1999);
  });
});

describe('WorkCalendar: counting working days (期间开始的当日不计入)', () => {
  it('adds 20 working days across 国庆 2026, counting Saturday 10月10日', () => {
    // From Monday 9月28日: 9/29 1, 9/30 2, (10/1–10/7 off), 10/8 3, 10/9 4, 10/10 (Sat, 调休) 5,
    // 10/12–16 6–10, 10/19–23 11–15, 10/26–30 16–20.
    expect(calendar.addWorkingDays('2026-09-28', 20)).toBe('2026-10-30');
    expect(calendar.workingDaysBetween('2026-09-28', '2026-10-30')).toBe(20);
  });

  it('adds 20 working days across 春节 2026, counting both 调休 Saturdays', () => {
    // From Friday 2月6日: 2/9–13 1–5, 2/14 (Sat) 6, (2/15–23 off), 2/24–27 7–10, 2/28 (Sat) 11,
    // 3/2–6 12–16, 3/9–12 17–20.
    expect(calendar.addWorkingDays('2026-02-06', 20)).toBe('2026-03-12');
  });

  it('counts a 调休 Sunday inside a short window', () => {
    // 9月18日 (Fri) + 1 is Sunday 9月20日, worked before 国庆.
    expect(calendar.addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    expect(calendar.nextWorkingDay('2026-09-18')).toBe('2026-09-20');
  });

  it('crosses the year boundary: 2025-12-20 + 20 working days', () => {
    // 12/22–26 1–5, 12/29–31 6–8, (2026-01-01–03 元旦), 1/4 (Sun, 调休) 9, 1/5–9 10–14, 1/12–16 15–19, 1/19 20.
    expect(calendar.addWorkingDays('2025-12-20', 20)).toBe('2026-01-19');
    expect(calendar.workingDaysBetween('2025-12-20', '2026-01-19')).toBe(20);
  });

  it('never counts the start day, and 0 days gives the start day even on a holiday', () => {
    expect(calendar.addWorkingDays('2026-10-01', 0)).toBe('2026-10-01');
    expect(calendar.addWorkingDays('2026-10-01', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-09-29', 1)).toBe('2026-09-30');
    expect(calendar.nextWorkingDay('2026-09-30')).toBe('2026-10-08');
  });

  it('counts between two dates, negative backwards, zero over a holiday', () => {
    expect(calendar.workingDaysBetween('2026-10-30', '2026-10-30')).toBe(0);
    expect(calendar.workingDaysBetween('2026-10-30', '2026-09-28')).toBe(-20);
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-07')).toBe(0);
    expect(Object.is(calendar.workingDaysBetween('2026-10-07', '2026-09-30'), 0)).toBe(true);
    // Inverse of addWorkingDays for every count in a month around 春节.
    for (let n = 0; n <= 40; n++) {
      expect(calendar.workingDaysBetween('2026-02-10', calendar.addWorkingDays('2026-02-10', n))).toBe(n);
    }
  });

  it('refuses a negative or fractional count', () => {
    expect(thrown(() => calendar.addWorkingDays('2026-01-05', -1)).code).toBe('bad-count');
    expect(thrown(() => calendar.addWorkingDays('2026-01-05', 1.5)).code).toBe('bad-count');
  });
});

describe('WorkCalendar: errors', () => {
  it('without provisional years, refuses a year it does not hold, in Chinese, naming the year', () => {
    const strict = new WorkCalendar(defaultCalendarYears(), { provisional: false });
    const error = thrown(() => strict.addWorkingDays('2026-12-20', 20));
    expect(error.code).toBe('year-not-covered');
    expect(error.message).toBe('日历未包含2027年的节假日安排，请系统管理员补充该年度数据');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CalendarError');
    expect(thrown(() => strict.isWorkingDay('2018-05-02')).message).toContain('2018年');
    expect(thrown(() => strict.workingDaysBetween('2018-12-28', '2019-01-10')).code).toBe('year-not-covered');
    expect(thrown(() => strict.dayInfo('2030-01-01')).code).toBe('year-not-covered');
    expect(strict.isProvisional(2027)).toBe(false);
  });

  it('counts a year without a notice on the provisional calendar, and says so', () => {
    // 12/21–25 1–5, 12/28–31 6–9, (1/1 元旦), 1/4–8 10–14, 1/11–15 15–19, 1/18 20.
    expect(calendar.addWorkingDays('2026-12-20', 20)).toBe('2027-01-18');
    expect(calendar.isProvisional(2027)).toBe(true);
    expect(calendar.isProvisional(2026)).toBe(false);
    expect(calendar.provisionalBetween('2026-12-20', '2027-01-18')).toBe(true);
    expect(calendar.provisionalBetween('2026-11-20', '2026-12-18')).toBe(false);
    expect(calendar.dayInfo('2027-01-01')).toEqual({
      working: false,
      kind: 'holiday',
      name: '元旦',
      provisional: true,
    });
    expect(calendar.dayInfo('2027-01-04')).toEqual({ working: true, kind: 'workday', provisional: true });
    expect(calendar.isWorkingDay('2018-05-02')).toBe(true);
    expect(calendar.years()).not.toContain(2027);
  });

  it('refuses an implausible year even with provisional years', () => {
    expect(thrown(() => calendar.isWorkingDay('1999-12-31')).code).toBe('year-not-covered');
    expect(thrown(() => calendar.addWorkingDays('2100-12-20', 20)).message).toContain('2101年');
    expect(calendar.addWorkingDays('2100-12-01', 20)).toMatch(/^2100-12-/);
  });

  it('refuses a malformed date, naming the value', () => {
    for (const bad of ['2026-2-3', '2026-02-30', '20260203', '2026-02-03T00:00:00Z', '', '0099-01-01']) {
      const error = thrown(() => calendar.isWorkingDay(bad));
      expect(error.code).toBe('bad-date');
      expect(error.message).toContain(`“${bad}”`);
    }
    expect(thrown(() => calendar.addWorkingDays('2026-13-01', 1)).code).toBe('bad-date');
  });

  it('treats years between covered ones as not covered (provisional)', () => {
    const gappy = new WorkCalendar(defaultCalendarYears().filter((y) => y.year !== 2022));
    expect(gappy.covers(2022)).toBe(false);
    expect(gappy.isProvisional(2022)).toBe(true);
    const strictGap = new WorkCalendar(
      defaultCalendarYears().filter((y) => y.year !== 2022),
      { provisional: false },
    );
    expect(thrown(() => strictGap.addWorkingDays('2021-12-20', 20)).message).toContain('2022年');
    expect(new WorkCalendar([]).years()).toEqual([]);
    expect(new WorkCalendar([]).isWorkingDay('2026-01-05')).toBe(true);
  });

  it('checks the data it is built from', () => {
    const bad: CalendarYear = { year: 2027, holidays: [], workdays: [{ date: '2027-02-15', name: '春节' }] };
    const error = thrown(() => new WorkCalendar([bad]));
    expect(error.code).toBe('invalid-data');
    expect(error.message).toContain('2027-02-15 不是周六或周日');
  });
});

describe('WorkCalendar: an administrator adds 2027', () => {
  // An illustration, not the real 2027 notice: 元旦 1月1日 (Friday) to 3日 off.
  const year2027: CalendarYear = {
    year: 2027,
    holidays: [
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-01-02', name: '元旦' },
      { date: '2027-01-03', name: '元旦' },
    ],
    workdays: [],
  };

  it('counts on into 2027 once the year is merged in', () => {
    const extended = new WorkCalendar(mergeCalendarYears(defaultCalendarYears(), [year2027]));
    expect(extended.years().at(-1)).toBe(2027);
    // 12/21–25 1–5, 12/28–31 6–9, (1/1–3 元旦), 1/4–8 10–14, 1/11–15 15–19, 1/18 20.
    expect(extended.addWorkingDays('2026-12-20', 20)).toBe('2027-01-18');
    expect(extended.dayInfo('2027-01-01')).toEqual({ working: false, kind: 'holiday', name: '元旦' });
  });
});
