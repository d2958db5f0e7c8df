import { valueRow } from './detached.js';
import type { SourceRow } from './rows.js';

/**
 * Whether a table row is a row of section 四's values whose empty cells are blanks in place
 * (`<td>&nbsp;</td>` between filled ones): numbers only, no more cells than values still to read.
 * A header row's empty cells (over 行政复议's five columns) stand beside words, and stay skipped.
 */
export function valueRowOf(row: SourceRow, open: number): boolean {
  return row.grid && row.cells.length <= open && valueRow(row);
}
