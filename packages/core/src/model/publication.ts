/*
 * 条例第四十九条: a department publishes its annual report on the year by 31 January of the next.
 * The one place this date is written; the rules, the server's supervision and the web say it from here.
 */

/** The deadline as the report and its readers say it. */
export const PUBLICATION_DEADLINE = '次年1月31日';

/** The last day (ISO date) on which the report on `year` may be published on time. */
export function publicationDeadline(year: number): string {
  return `${year + 1}-01-31`;
}
