/**
 * The years a report can be kept for: the national formats apply from 2019, and no year that has
 * not begun (the server refuses to compile one). `thisYear` is the service's, in China time.
 */
export function yearOptions(thisYear: number): { value: number; label: string }[] {
  const years: { value: number; label: string }[] = [];
  for (let year = thisYear; year >= 2019; year -= 1) years.push({ value: year, label: `${year}年` });
  return years;
}

/** This year in China (UTC+8), for when the server's date is not known yet. */
export function chinaYear(now: Date = new Date()): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}
