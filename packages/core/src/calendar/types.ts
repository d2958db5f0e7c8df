/* The shapes of a year's holiday notice, apart from the calendar that counts with them. */

/** One named day of a holiday notice. */
export interface CalendarDay {
  readonly date: string;
  readonly name: string;
}

/**
 * One year of the State Council's holiday notice (国务院办公厅关于20XX年部分节假日安排的通知).
 *
 * `holidays` lists every day of each holiday span as the notice gives it (2026 春节: 2月15日至23日,
 * all nine days), weekend days included: the notice counts them (“共9天”) and a weekend day inside
 * a holiday can then be shown with the holiday's name. Listing only the weekdays is just as valid;
 * a weekend day is a day off either way. `workdays` are the weekend days the notice declares
 * working days (调休上班, e.g. 2026-02-14), named after the holiday they make up for; every one
 * must be a Saturday or Sunday.
 */
export interface CalendarYear {
  readonly year: number;
  readonly holidays: readonly CalendarDay[];
  readonly workdays: readonly CalendarDay[];
}
