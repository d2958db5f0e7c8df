import { stringify } from 'csv-stringify/sync';

/**
 * Writes a register CSV for people to fill in with Excel or WPS: UTF-8 with a BOM (without it
 * Excel reads UTF-8 as GBK and shows mojibake) and CRLF line ends.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([[...header], ...rows.map((row) => [...row])], { bom: true, record_delimiter: 'windows' });
}
