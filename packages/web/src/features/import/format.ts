/** A stored timestamp as people read it in China: 2026/11/23 14:05:09. */
export function dateTime(at: string): string {
  return new Date(at).toLocaleString('zh-CN', { hour12: false });
}

/** A cell's value as the tables show it; a blank cell says so. */
export function cellValue(value: number | null | undefined): string {
  return value === null || value === undefined ? '空白' : String(value);
}

/** The years a published report may be of, newest first: the regulations apply from 2008. */
export function reportYears(until = new Date().getFullYear()): { value: number; label: string }[] {
  const years: { value: number; label: string }[] = [];
  for (let year = until; year >= 2008; year -= 1) years.push({ value: year, label: `${year}年度` });
  return years;
}
