import { S4_COLUMNS, S4_GROUPS } from '../model/cells.js';
import { interned } from '../model/interned.js';
import type { Token } from './cursor.js';
import { s4AnchorIn, s4PartnerNear } from './labels.js';
import { readCell } from './normalise.js';
import { CellValue, type ParserFinding, type ReadValue } from './readings.js';
import type { SourceRow } from './rows.js';
import { valueRowOf } from './s4-values.js';

/*
 * Section 四 read by its headers: after 行政复议 / 行政诉讼, the fifteen values in the order of the
 * cell IDs (rows-to-cells.ts reads the other tables by their row labels).
 */

/** A line of section 四's column headers, as a PDF's text prints them apart ("结果 结果 其他 尚未"). */
const S4_COLUMN_WORDS = /^(?:(?:结果|维持|纠正|其他|尚未|审结|总计)\s*)+$/;

const S4_IDS = S4_GROUPS.flatMap((group) => S4_COLUMNS.map((column) => interned(`s4.${group.key}.${column.key}`)));

/** Section 四: after the 行政复议 / 行政诉讼 headers, the fifteen values in the order of the cell IDs. */
export function readS4(
  rows: readonly SourceRow[],
  values: Map<string, ReadValue>,
  findings: ParserFinding[],
  firstRow: Partial<Record<'s2' | 's3' | 's4', number>>,
  isLabel: (text: string) => boolean,
): void {
  const ids = S4_IDS;
  for (let r = 0; r < rows.length; r += 1) {
    const anchor = s4AnchorIn(rows[r] as SourceRow);
    if (anchor === -1 || !s4PartnerNear(rows, r)) continue;
    firstRow.s4 = r;
    const tokens: Token[] = [];
    let lines = 0;
    // Whether the column headers (结果 维持 …) were passed, and whether figures before them were dropped.
    let headed = false;
    let strayed = false;
    for (let i = r; i < rows.length && tokens.length < ids.length; i += 1) {
      const row = rows[i] as SourceRow;
      const before = tokens.length;
      const cells = i === r ? row.cells.slice(anchor + 1) : row.cells;
      const blanksCount = i !== r && valueRowOf(row, ids.length - tokens.length);
      for (const cell of cells) {
        if (tokens.length === ids.length) break;
        if (cell.text === '') {
          if (blanksCount) tokens.push(new CellValue(null, cell));
          continue;
        }
        const reading = readCell(cell.text);
        if (reading.kind === 'text') {
          // Figures between 行政复议 and the column headers under it are another table's, printed
          // apart from their rows (pdftotext's default order): the table's own come after the headers.
          if (!headed && S4_COLUMN_WORDS.test(cell.text)) {
            strayed ||= tokens.length > 0;
            tokens.length = 0;
            lines = 0;
            headed = true;
          }
          if ((tokens.length > 0 || strayed) && (isLabel(cell.text) || cell.text.length > 20)) break;
          continue;
        }
        tokens.push(new CellValue(reading.kind === 'number' ? reading.value : null, cell));
      }
      if (tokens.length > before) lines += 1;
      if (
        tokens.length > 0 &&
        !row.grid &&
        row.cells.length === 1 &&
        readCell(row.cells[0]?.text ?? '').kind === 'text' &&
        (row.cells[0]?.text.length ?? 0) > 20
      )
        break;
    }
    settle(tokens, lines, values, findings);
    return;
  }
}

/**
 * The fifteen figures read after the headers (`lines`: on how many lines) put in their cells, or
 * left open with a finding where their order is not the table's.
 */
function settle(
  tokens: readonly Token[],
  lines: number,
  values: Map<string, ReadValue>,
  findings: ParserFinding[],
): void {
  const ids = S4_IDS;
  if (tokens.length === 0) return;
  // Fewer than fifteen on the one line: figures run together ("021141000120136", narrow columns
  // printed without spaces), and after the first run no figure's column is known. The aligner
  // splits them by the sums, or they stay open.
  if (tokens.length < ids.length && lines === 1) {
    findings.push({
      rule: 'row-incomplete',
      severity: 'error',
      message: `第四部分行政复议、行政诉讼情况的数值连在一起，只读到 ${tokens.length} 段，应有 ${ids.length} 个`,
      cells: ids,
    });
    return;
  }
  // Read short across lines, with a group's total that its parts do not make: the figures are
  // not the table's in print order (pieces of rows printed apart), so none is placed.
  const shortAndOff = tokens.length < ids.length && !groupsAddUp(tokens);
  if (tokens.length === ids.length && lines > 1 && !groupsAddUp(tokens) && regroupable(tokens)) {
    findings.push({
      rule: 'row-incomplete',
      severity: 'error',
      message:
        '第四部分行政复议、行政诉讼情况的数值分行印出，按印出的顺序与各组总计不符，换一种分组则各组总计都相符：数值不是按表格的顺序印出的，不能确定各数所在的格，整表留空',
      cells: ids,
    });
    // The table is there, its cells open: each stands empty at the figure printed in its place.
    tokens.forEach((token, i) => values.set(ids[i] as string, new CellValue(null, token.cell)));
    return;
  }
  if (!shortAndOff) tokens.forEach((token, i) => values.set(ids[i] as string, token));
  if (tokens.length < ids.length) {
    findings.push({
      rule: 'row-incomplete',
      severity: 'error',
      message: `第四部分行政复议、行政诉讼情况只读到 ${tokens.length} 个数值，应有 ${ids.length} 个${shortAndOff ? '，且与各组总计不符，不能确定各数所在的格，整表留空' : ''}`,
      cells: shortAndOff ? ids : ids.slice(tokens.length),
    });
  }
}

/** Whether each group of five read whole (four parts, then the total) adds up. */
function groupsAddUp(tokens: readonly Token[]): boolean {
  for (let start = 0; start + 5 <= tokens.length; start += 5) {
    let sum = 0;
    for (let k = start; k < start + 4; k += 1) sum += tokens[k]?.value ?? 0;
    if (sum !== tokens[start + 4]?.value) return false;
  }
  return true;
}

/** How many steps the search for another grouping may take: it runs only where the print order fails. */
const MOST_STEPS = 200_000;

/**
 * Whether the fifteen figures, in some other order, make three groups of four parts and their
 * total that all add up. Text that prints a table's cells a line each, out of their order
 * (pdftotext's default order on a PDF whose section 四 has narrow columns: "72 64 178 37 | 12 1 1 6 |
 * 351 | 13 4 8 1 26 | 20"), fails the groups in print order and passes in another; a table printed in
 * order whose organ added wrongly passes in none (its figures' sum is not twice its totals').
 */
export function regroupable(tokens: readonly Token[]): boolean {
  const figures = tokens.map((token) => token.value);
  if (figures.some((value) => value === null || !Number.isInteger(value) || value < 0)) return false;
  const all = (figures as number[]).sort((a, b) => b - a);
  const sum = all.reduce((a, b) => a + b, 0);
  if (sum % 2 !== 0) return false;
  const used = new Array<boolean>(all.length).fill(false);
  let steps = 0;
  // Four unused figures from `from` on that make `total`, then the next group.
  const parts = (total: number, left: number, from: number, groups: number): boolean => {
    if (++steps > MOST_STEPS) return false;
    if (left === 0) return total === 0 && group(groups - 1);
    for (let i = from; i < all.length; i += 1) {
      const value = all[i] as number;
      if (used[i] || value > total || (i > from && all[i - 1] === value && !used[i - 1])) continue;
      used[i] = true;
      if (parts(total - value, left - 1, i + 1, groups)) return true;
      used[i] = false;
    }
    return false;
  };
  // A group's total: the largest unused figure left makes the next group's total (totals are ≥ parts).
  const group = (groups: number): boolean => {
    if (groups === 0) return true;
    const i = used.indexOf(false);
    used[i] = true;
    if (parts(all[i] as number, 4, 0, groups)) return true;
    used[i] = false;
    return false;
  };
  return group(3);
}
