import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './dates.js';
import { calendarYearFromChineseDays, defaultCalendarYears, defaultWorkCalendar } from './data.js';

/** Every date from `first` to `last`, both included. */
function span(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addCalendarDays(day, 1)) days.push(day);
  return days;
}

function datesOf(year: number, list: 'holidays' | 'workdays'): string[] {
  const found = defaultCalendarYears().find((y) => y.year === year);
  if (!found) throw new Error(`no ${year}`);
  return found[list].map((day) => day.date);
}

// Each expectation is the text of the State Council's notice for the year (国务院办公厅关于20XX年
// 部分节假日安排的通知), spans written out day by day.
describe('default calendar from chinese-days, against the notices', () => {
  it('covers 2019 to 2026 and nothing else', () => {
    expect(defaultCalendarYears().map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(defaultWorkCalendar().years()).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('2026 (国办发明电〔2025〕7号): every holiday and every 调休上班日', () => {
    expect(datesOf(2026, 'holidays')).toEqual([
      ...span('2026-01-01', '2026-01-03'), // 元旦
      ...span('2026-02-15', '2026-02-23'), // 春节
      ...span('2026-04-04', '2026-04-06'), // 清明节
      ...span('2026-05-01', '2026-05-05'), // 劳动节
      ...span('2026-06-19', '2026-06-21'), // 端午节
      ...span('2026-09-25', '2026-09-27'), // 中秋节
      ...span('2026-10-01', '2026-10-07'), // 国庆节
    ]);
    expect(datesOf(2026, 'workdays')).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('2025 (国办发明电〔2024〕12号): 春节 and 劳动节 one day longer', () => {
    expect(datesOf(2025, 'holidays')).toEqual([
      '2025-01-01',
      ...span('2025-01-28', '2025-02-04'),
      ...span('2025-04-04', '2025-04-06'),
      ...span('2025-05-01', '2025-05-05'),
      ...span('2025-05-31', '2025-06-02'),
      ...span('2025-10-01', '2025-10-08'),
    ]);
    expect(datesOf(2025, 'workdays')).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });

  it('2020: 春节 extended to 2月2日 (国办发明电〔2020〕1号), so Saturday 2月1日 is no longer worked', () => {
    expect(datesOf(2020, 'holidays')).toEqual(expect.arrayContaining(span('2020-01-24', '2020-02-02')));
    expect(datesOf(2020, 'workdays')).not.toContain('2020-02-01');
    expect(datesOf(2020, 'workdays')).toContain('2020-01-19');
    const calendar = defaultWorkCalendar();
    expect(calendar.dayInfo('2020-02-01')).toEqual({ working: false, kind: 'holiday', name: '春节' });
    expect(calendar.isWorkingDay('2020-01-31')).toBe(false);
    expect(calendar.isWorkingDay('2020-02-03')).toBe(true);
  });

  it('2019: 国庆 10月1日–7日, with Sunday 9月29日 and Saturday 10月12日 worked', () => {
    expect(datesOf(2019, 'holidays')).toEqual(expect.arrayContaining(span('2019-10-01', '2019-10-07')));
    expect(datesOf(2019, 'workdays')).toEqual([
      '2019-02-02',
      '2019-02-03',
      '2019-04-28',
      '2019-05-05',
      '2019-09-29',
      '2019-10-12',
    ]);
  });

  it('names days as the notices do', () => {
    const calendar = defaultWorkCalendar();
    expect(calendar.dayInfo('2026-04-05').name).toBe('清明节');
    expect(calendar.dayInfo('2026-06-19').name).toBe('端午节');
    expect(calendar.dayInfo('2026-09-25').name).toBe('中秋节');
    expect(calendar.dayInfo('2026-10-10')).toEqual({ working: true, kind: 'adjustedWorkday', name: '国庆节' });
  });

  it('lists only Saturdays and Sundays as 调休上班日, in every year', () => {
    for (const year of defaultCalendarYears()) {
      for (const { date } of year.workdays) expect([0, 6]).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
    }
  });

  it('builds once and hands out frozen data', () => {
    const years = defaultCalendarYears();
    expect(defaultCalendarYears()).not.toBe(years);
    expect(defaultCalendarYears()[0]).toBe(years[0]);
    expect(Object.isFrozen(years[0])).toBe(true);
    expect(Object.isFrozen(years[0]?.holidays)).toBe(true);
    expect(defaultWorkCalendar()).toBe(defaultWorkCalendar());
  });

  it('reads a year the package does not hold yet as weekends only', () => {
    // The package ships a year once its notice is out; a year beyond it has no listed days.
    expect(calendarYearFromChineseDays(2099)).toEqual({ year: 2099, holidays: [], workdays: [] });
  });
});
