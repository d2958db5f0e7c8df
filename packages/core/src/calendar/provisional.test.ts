import { describe, expect, it } from 'vitest';
import { WorkCalendar, type CalendarYear } from './calendar.js';
import { defaultCalendarYears } from './data.js';
import { addCalendarDays, dayNumber } from './dates.js';
import { PROVISIONAL_NOTE, PROVISIONAL_SHIFT } from './provisional-note.js';
import { provisionalCalendarYear, statutoryHolidays } from './provisional.js';

const official = new WorkCalendar(defaultCalendarYears(), { provisional: false });

function datesOf(year: CalendarYear, name: string): string[] {
  return year.holidays.filter((day) => day.name === name).map((day) => day.date);
}

describe('provisionalCalendarYear: the 放假办法 in force', () => {
  it('builds 2027 by the 2024 revision, with 补假 for holidays on a weekend', () => {
    const year = provisionalCalendarYear(2027);
    expect(year.workdays).toEqual([]);
    expect(datesOf(year, '元旦')).toEqual(['2027-01-01']);
    // 除夕 2月5日 and 正月初一至初三; 2/6–2/7 fall on a weekend, made up on 2/9–2/10.
    expect(datesOf(year, '春节')).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
    ]);
    expect(datesOf(year, '清明节')).toEqual(['2027-04-05']);
    expect(datesOf(year, '劳动节')).toEqual(['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04']);
    expect(datesOf(year, '端午节')).toEqual(['2027-06-09']);
    expect(datesOf(year, '中秋节')).toEqual(['2027-09-15']);
    expect(datesOf(year, '国庆节')).toEqual(['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05']);
  });

  it('uses the 2013 revision before 2025: 春节 from 初一, 劳动节 one day', () => {
    const holidays = statutoryHolidays(2024);
    const days = (name: string) => holidays.find((h) => h.name === name)?.days.length;
    expect(days('春节')).toBe(3);
    expect(days('劳动节')).toBe(1);
    expect(datesOf(provisionalCalendarYear(2024), '春节')[0]).toBe('2024-02-10');
    expect(statutoryHolidays(2025).find((h) => h.name === '春节')?.days.length).toBe(4);
  });

  it('puts every statutory day of 2019–2026 on a day off of the real notice (lunar dates, 清明)', () => {
    for (let year = 2019; year <= 2026; year++) {
      for (const { name, days } of statutoryHolidays(year)) {
        for (const day of days) {
          const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
          expect({ year, name, date, working: official.isWorkingDay(date) }).toMatchObject({ working: false });
        }
      }
    }
  });

  it('gives every year from 2000 to 2100 a valid provisional year', () => {
    for (let year = 2000; year <= 2100; year++) {
      expect(() => new WorkCalendar([provisionalCalendarYear(year)])).not.toThrow();
    }
  });
});

/**
 * The shift of every 20-working-day deadline of 2019–2026 when that year's notice is missing:
 * official due date minus provisional due date, in calendar days, over each receipt date from
 * 1 November of the year before to 31 December whose official deadline is known.
 */
function measureShift(): { earlierDays: number; laterDays: number } {
  let earlierDays = 0;
  let laterDays = 0;
  for (let year = 2019; year <= 2026; year++) {
    const pretend = new WorkCalendar(defaultCalendarYears().filter((y) => y.year !== year));
    expect(pretend.isProvisional(year)).toBe(true);
    for (let date = `${year - 1}-11-01`; date <= `${year}-12-31`; date = addCalendarDays(date, 1)) {
      if (!official.covers(Number(date.slice(0, 4)))) continue;
      let due: string;
      try {
        due = official.addWorkingDays(date, 20);
      } catch {
        continue; // reaches 2027, which has no notice to compare with
      }
      const shift = dayNumber(due) - dayNumber(pretend.addWorkingDays(date, 20));
      earlierDays = Math.max(earlierDays, -shift);
      laterDays = Math.max(laterDays, shift);
    }
  }
  return { earlierDays, laterDays };
}

describe('provisional deadlines against the real notices, 2019–2026', () => {
  it('move by no more than the measured bound, which the 暂定 note states', () => {
    expect(measureShift()).toEqual(PROVISIONAL_SHIFT);
    expect(PROVISIONAL_NOTE).toContain(`最多提前${PROVISIONAL_SHIFT.earlierDays}天`);
    expect(PROVISIONAL_NOTE).toContain(`推后${PROVISIONAL_SHIFT.laterDays}天`);
  });
});
