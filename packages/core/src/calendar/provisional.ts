import chineseDays from 'chinese-days';
import type { CalendarDay, CalendarYear } from './types.js';
import { dayNumber, firstDayOfYear, isoFromDayNumber, weekdayOfDayNumber } from './dates.js';

/**
 * A provisional year: what the calendar assumes for a year whose State Council notice is not out
 * yet (in December the next year's notice usually is not). It holds the statutory holidays of
 * 《全国年节及纪念日放假办法》 in the revision in force that year, and the 补假 its 第六条 requires
 * (a holiday on a Saturday or Sunday is made up on the next working day). The notice's 调休 (weekend
 * days worked to join a holiday to a weekend) cannot be foreseen and are left out, so a provisional
 * year lacks both the worked weekend days and the longer breaks of the real one. The notice then
 * moves a 20-working-day deadline by at most `PROVISIONAL_SHIFT` (measured over every receipt
 * date of 2019–2026 in provisional.test.ts).
 *
 * Lunar dates and the 清明 solar term come from `chinese-days`, already the source of the notices.
 */

/** A statutory holiday as the 放假办法 defines it: its name and its days in one year. */
interface StatutoryHoliday {
  readonly name: string;
  readonly days: readonly number[];
}

/** Day number of the Gregorian date in `year` on which the lunar month/day falls (not a leap month). */
function lunarDay(year: number, lunarMonth: number, lunarDayOfMonth: number, fromMonth: number): number {
  // The lunar day falls within 60 days of the first day of `fromMonth` for the months asked here.
  const start = dayNumber(`${year}-${String(fromMonth).padStart(2, '0')}-01`);
  for (let day = start; day < start + 75; day++) {
    // The package reads a `YYYY-MM-DD` string as UTC midnight and computes the lunar date from
    // the elapsed days, so this lookup is right in every time zone (its own `date` field is not).
    const lunar = chineseDays.getLunarDate(isoFromDayNumber(day));
    if (lunar.lunarMon === lunarMonth && lunar.lunarDay === lunarDayOfMonth && !lunar.isLeap) return day;
  }
  throw new Error(`农历${lunarMonth}月${lunarDayOfMonth}日不在${year}年预期范围内`);
}

/**
 * 清明: the day of the solar term. `getSolarTermDate` computes the right day but formats it in the
 * local time zone from UTC midnight, one day early west of UTC; the day is read back accordingly.
 */
function qingmingDay(year: number): number {
  const shown = dayNumber(chineseDays.getSolarTermDate(year, 4, 'pure_brightness'));
  const westOfUtc = new Date(Date.UTC(year, 3, 5)).getTimezoneOffset() > 0;
  return westOfUtc ? shown + 1 : shown;
}

function span(first: number, length: number): number[] {
  return Array.from({ length }, (_, i) => first + i);
}

function gregorian(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/**
 * The statutory holidays of `year` by the revision in force: 2024 (from 2025), 2013 (2014–2024),
 * 2007 (2008–2013) and 1999 (2000–2007, without 清明, 端午 and 中秋).
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const springFestival = lunarDay(year, 1, 1, 1);
  const holidays: StatutoryHoliday[] = [{ name: '元旦', days: [gregorian(year, 1, 1)] }];
  if (year >= 2025) holidays.push({ name: '春节', days: span(springFestival - 1, 4) });
  else if (year >= 2014 || year < 2008) holidays.push({ name: '春节', days: span(springFestival, 3) });
  else holidays.push({ name: '春节', days: span(springFestival - 1, 3) });
  if (year >= 2008) holidays.push({ name: '清明节', days: [qingmingDay(year)] });
  const labourDays = year >= 2025 ? 2 : year >= 2008 ? 1 : 3;
  holidays.push({ name: '劳动节', days: span(gregorian(year, 5, 1), labourDays) });
  if (year >= 2008) {
    holidays.push({ name: '端午节', days: [lunarDay(year, 5, 5, 5)] });
    holidays.push({ name: '中秋节', days: [lunarDay(year, 8, 15, 9)] });
  }
  holidays.push({ name: '国庆节', days: span(gregorian(year, 10, 1), 3) });
  return holidays;
}

function isWeekendDay(day: number): boolean {
  const weekday = weekdayOfDayNumber(day);
  return weekday === 0 || weekday === 6;
}

/**
 * The provisional calendar year: every statutory holiday, then for each holiday day that falls on
 * a weekend or on another holiday (中秋 on 1 October) one 补假 day, the first weekday after the
 * holiday not already off. 补假 that would run into the next year is dropped (元旦 follows).
 */
export function provisionalCalendarYear(year: number): CalendarYear {
  const off = new Map<number, string>();
  for (const { name, days } of statutoryHolidays(year)) {
    let owed = 0;
    for (const day of days) {
      if (isWeekendDay(day) || off.has(day)) owed++;
      if (!off.has(day)) off.set(day, name);
    }
    for (let day = (days.at(-1) ?? 0) + 1; owed > 0; day++) {
      if (isWeekendDay(day) || off.has(day)) continue;
      off.set(day, name);
      owed--;
    }
  }
  const holidays: CalendarDay[] = [...off.entries()]
    .filter(([day]) => day >= firstDayOfYear(year) && day < firstDayOfYear(year + 1))
    .sort(([a], [b]) => a - b)
    .map(([day, name]) => ({ date: isoFromDayNumber(day), name }));
  return { year, holidays, workdays: [] };
}
