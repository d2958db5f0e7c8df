/** The years a register or report can be kept for: the national formats apply from 2019. */
export function yearOptions(until = new Date().getFullYear() + 1): { value: number; label: string }[] {
  const years: { value: number; label: string }[] = [];
  for (let year = until; year >= 2019; year -= 1) years.push({ value: year, label: `${year}年` });
  return years;
}
