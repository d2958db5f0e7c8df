/**
 * The years a register or report can be kept for, newest first: the national formats apply from
 * 2019. `last` is the newest year offered (a report: this year; a register's figures: next year).
 */
export function yearOptions(last: number): { value: number; label: string }[] {
  const years: { value: number; label: string }[] = [];
  for (let year = last; year >= 2019; year -= 1) years.push({ value: year, label: `${year}年` });
  return years;
}

/** This year in China (UTC+8), for when the server's date is not known yet. */
export function chinaYear(now: Date = new Date()): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}
