import type { CollapsedRow } from './collapsed.js';
import type { ParserFinding } from './readings.js';

/*
 * A section 三 table printed apart from its rows: some row's figures after its label were a
 * column's or a block's (cursor.detached; pdftotext's default reading order prints a ruled table
 * a column at a time). A row short of figures in such a table did not lose its blank cells — it
 * lost the figures printed elsewhere — so the sums cannot place what it kept (they would place a
 * column's first figure as though the row printed only its filled cells). Such rows stay open,
 * each with a finding; the aligner may still read them from the blocks (align/blocks.ts).
 */

/** The findings that leave the collapsed rows of a table printed apart open. */
export function openApart(
  collapsed: readonly CollapsedRow[],
  idsOf: (rowKey: string) => readonly string[],
): ParserFinding[] {
  return collapsed.map((row) => ({
    rule: 'row-incomplete',
    severity: 'error',
    message: `“${row.label}”一行只读到 ${row.values.length} 个数值，表格的其余数值与行标签分开印出（逐列或分块），不能确定各数所在的列，整行留空，请对照原文`,
    cells: [...idsOf(row.rowKey)],
  }));
}
