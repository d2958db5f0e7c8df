import { S2_BLOCKS } from '../model/cells.js';
import { matchRowLabel, type LabelMatch } from './labels.js';
import { readCell } from './normalise.js';
import type { SourceCell, SourceRow } from './rows.js';

/*
 * A table whose labels and values were printed apart: a PDF's text taken column by column gives
 * every row label of a table first, one a line, then every row of values. No value then stands
 * beside its label, and reading a label's nearest values would give it another row's. When the
 * labels that take values and the rows of values that follow them are as many, the table is put
 * back together row by row: the i-th label with the i-th row of values. Else it is left as it is
 * (the reader leaves those rows open, each with a finding).
 */

/** A row of values alone, read as numbers (a blank dash counts as one; empty cells are passed over). */
export function valueRow(row: SourceRow): boolean {
  // A loop, not filter and every: it runs for every row.
  let filled = 0;
  for (const cell of row.cells) {
    if (cell.text === '') continue;
    if (readCell(cell.text).kind === 'text') return false;
    filled += 1;
  }
  return filled > 0;
}

interface LabelLine {
  readonly index: number;
  readonly cell: SourceCell;
  readonly match: LabelMatch;
}

/** The label of a single-cell row, if it names a row of the tables. */
function labelOf(row: SourceRow, index: number, inOther: boolean): LabelLine | undefined {
  if (row.cells.length !== 1) return undefined;
  const cell = row.cells[0] as SourceCell;
  // "2.其他法律行政法规禁止公开 0 2 0 0 0 0 2": the label with its own figures, a row of its own.
  if (INLINE_FIGURES.test(cell.text)) return undefined;
  const match = matchRowLabel(cell.text, inOther);
  return match && match.kind !== 'outcomes-heading' ? { index, cell, match } : undefined;
}

/** A line that ends in figures after a space: a label printed with its values on its line. */
const INLINE_FIGURES = /\S\s+-?\d+(?:\.\d+)?$/;

const isGroup = (line: LabelLine): boolean => line.match.kind === 'row' && line.match.label.group === true;

/**
 * The labels that take a row of values: every row label but a group's heading, which takes one
 * only where no items follow it ((六)其他处理 in the 2019 table).
 */
function takers(labels: readonly LabelLine[]): LabelLine[] {
  return labels.filter((line, i) => {
    if (!isGroup(line)) return true;
    const next = labels[i + 1];
    return next !== undefined && (isGroup(next) || next.match.kind === 'total') && !/^\d/.test(next.cell.text);
  });
}

/** The section 二 rows that take one value in some format (2021's 本年处理决定数量, 本年收费金额). */
const ONE_VALUE_ROWS = new Set(
  Object.values(S2_BLOCKS).flatMap((blocks) =>
    blocks.flatMap((block) => block.rows.filter((row) => row.columns.length === 1).map((row) => row.key)),
  ),
);

/**
 * Whether a row of values may be the label's: a lone figure only for a row that takes one value.
 * Else the figures a line are a column printed figure under figure (pdftotext's default order of
 * section 二's sub-tables), as many as the labels by chance, and pairing them would be a guess.
 */
function fitsOne(line: LabelLine, values: SourceRow): boolean {
  let filled = 0;
  for (const cell of values.cells) if (cell.text !== '') filled += 1;
  return filled !== 1 || (line.match.kind === 'row' && ONE_VALUE_ROWS.has(line.match.label.key));
}

/** Lines a table's labels and header words take at most (section 三 of 2021: about 60). */
const MAX_LABEL_LINES = 150;

/** Where a run of label lines (with header words among them) ends in a run of value rows as long. */
function rejoinAt(
  rows: readonly SourceRow[],
  start: number,
): { rows: SourceRow[]; end: number } | { rows?: undefined; end: number } | undefined {
  const labels: LabelLine[] = [];
  let i = start;
  const limit = Math.min(rows.length, start + MAX_LABEL_LINES);
  for (; i < limit && !valueRow(rows[i] as SourceRow); i += 1) {
    const row = rows[i] as SourceRow;
    if (row.grid) return undefined;
    const line = labelOf(
      row,
      i,
      labels.some((l) => l.match.kind === 'row' && l.match.label.key === 'other'),
    );
    if (line) labels.push(line);
  }
  if (i === limit && i < rows.length) return undefined;
  // Fewer than two labels take fewer than two rows: nothing to pair, and the value rows need not be read
  // (one label then its values is how one-cell-a-line text prints every row).
  if (labels.length < 2) return undefined;
  const valueStart = i;
  while (i < rows.length && valueRow(rows[i] as SourceRow)) i += 1;
  const values = rows.slice(valueStart, i);
  const taking = takers(labels);
  // As many labels as rows of values, or none of these labels is paired: a later run of them (after
  // header words, "信息内容") pairing with these values would leave the first labels' rows out by chance.
  if (taking.length < 2 || values.length !== taking.length) return { end: valueStart };
  if (taking.some((line, k) => !fitsOne(line, values[k] as SourceRow))) return { end: valueStart };
  const joined = taking.map((line, k) => ({
    cells: [line.cell, ...(values[k] as SourceRow).cells],
    grid: true,
  }));
  const kept = rows.slice(start, valueStart).filter((_, k) => !taking.some((line) => line.index === start + k));
  return { rows: [...kept, ...joined], end: i };
}

/** Whether a row is a label line (outside group (六)): a single cell that names a row of the tables. */
function isLabelLine(row: SourceRow | undefined): boolean {
  if (row?.cells.length !== 1) return false;
  const match = matchRowLabel((row.cells[0] as SourceCell).text, false);
  return match !== undefined && match.kind !== 'outcomes-heading';
}

/** The rows with each table printed apart from its labels put back together. */
export function rejoinDetached(rows: readonly SourceRow[]): readonly SourceRow[] {
  let out: SourceRow[] | undefined;
  // Rows before `copied` are in `out`.
  let copied = 0;
  // Whether the row before is a label line: a run of label lines starts at one after a row that is none.
  let afterLabel = false;
  for (let i = 0; i < rows.length; i += 1) {
    const label = isLabelLine(rows[i]);
    const startsRun = label && !afterLabel;
    afterLabel = label;
    if (!startsRun) continue;
    const rejoined = rejoinAt(rows, i);
    if (!rejoined) continue;
    if (!rejoined.rows) {
      // No label up to the values pairs with them: none of those lines starts a run.
      i = rejoined.end - 1;
      afterLabel = false;
      continue;
    }
    out ??= [];
    out.push(...rows.slice(copied, i), ...rejoined.rows);
    copied = rejoined.end;
    i = rejoined.end - 1;
    afterLabel = isLabelLine(rows[i]);
  }
  if (!out) return rows;
  out.push(...rows.slice(copied));
  return out;
}
