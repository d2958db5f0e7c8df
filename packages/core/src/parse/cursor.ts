import { CellValue } from './readings.js';
import { APPLICANT_COLUMNS, S2_BLOCKS } from '../model/cells.js';
import { s3RowAddsUp } from './align/sums.js';
import { S2_FORMAT_WORDS } from './labels.js';
import { canonical, readCell } from './normalise.js';
import type { Position } from './document.js';
import type { SourceCell, SourceRow } from './rows.js';

/*
 * The values after a row label, wherever the layout put them: the rest of a grid row, the label's
 * own line ("四、结转下年度继续办理 0 0 0 0 0 0 0"), or the lines after it (one cell a line), and how
 * a row that fell short of its values lost them.
 */
/** A value read after a label, kept as it is as the cell's reading (one object a value). */
export type Token = CellValue;

/** A row of values alone, two or more: a table's row printed apart from its label. */
function valuesOnly(row: SourceRow | undefined): boolean {
  if (!row?.grid) return false;
  const filled = row.cells.filter((cell) => cell.text !== '');
  return filled.length >= 2 && filled.every((cell) => readCell(cell.text).kind === 'number');
}

/**
 * Whether the values a label found on the lines after it belong to a block of rows printed apart
 * from all their labels (a PDF's text taken column by column: every label, then every row of
 * values): the row they came from holds more values than the label takes, or another row of
 * values follows it. Then the nearest row is not this label's, and the aligner places the block.
 */
function detachedFrom(
  rows: readonly SourceRow[],
  last: number,
  tokens: readonly Token[],
  isLabel: (text: string) => boolean,
): boolean {
  const row = rows[last] as SourceRow;
  const used = tokens.filter((token) => row.cells.includes(token.cell)).length;
  const values = row.cells.filter((cell) => cell.text !== '' && readCell(cell.text).kind === 'number').length;
  return (
    (row.grid && values > used) ||
    valuesOnly(rows[last + 1]) ||
    runsOn(rows, last) ||
    (figureLine(rows[last + 1]) && !rowAddsUp(tokens)) ||
    headedFigures(rows, last, isLabel)
  );
}

/**
 * Whether seven figures make a section 三 row: the six applicants' add up to the total. Seven a
 * line each that do not, with a figure after them, are a column's run on, not the row's (others'
 * figures are counted as they are: fewer than seven are no row of section 三 to check).
 */
function rowAddsUp(tokens: readonly Token[]): boolean {
  return tokens.length !== 7 || s3RowAddsUp(tokens.map((token) => token.value));
}

/** Lines of header words looked through after a row's figures for figures under them. */
const HEADER_LINES = 6;

/**
 * Whether column headers and then figures with no label before them follow the row's figures
 * ("125 | 第二十条第（六）项 | 本年处理决定数量 | 8 | 1"): the table is printed a column at a time,
 * every label apart from the figures, and the figures after the label are another row's as well.
 * (Text a cell a line prints a label before every row's figures.)
 */
function headedFigures(rows: readonly SourceRow[], last: number, isLabel: (text: string) => boolean): boolean {
  let header = false;
  let r = last + 1;
  // Figures left over in the column first ("5 | -1 | 0", the label taking two).
  while (figureLine(rows[r])) r += 1;
  for (const end = Math.min(rows.length, r + HEADER_LINES); r < end; r += 1) {
    const row = rows[r] as SourceRow;
    if (figureLine(row) || valuesOnly(row)) return header;
    const text = row.cells.length === 1 ? (row.cells[0]?.text ?? '') : '';
    if (text === '' || isLabel(text) || !columnHeader(text)) return false;
    header = true;
  }
  return false;
}

/** A line holding one figure and nothing else. */
function figureLine(row: SourceRow | undefined): boolean {
  return (
    row !== undefined && !row.grid && row.cells.length === 1 && readCell(row.cells[0]?.text ?? '').kind === 'number'
  );
}

/**
 * Whether the figures a cell a line go on past the row's count (two more at least, so that a page
 * number after a page's last row does not count): a column printed apart from its rows, figure
 * under figure (pdftotext's default order of a ruled table), whose figures are other rows' too.
 */
function runsOn(rows: readonly SourceRow[], last: number): boolean {
  return figureLine(rows[last]) && figureLine(rows[last + 1]) && figureLine(rows[last + 2]);
}

/**
 * The values printed after the label on its own line with single spaces between ("四、结转下年度继续办理
 * 0 0 0 0 0 0 0", as a PDF's text gives a row): taken when there are exactly as many as the row has
 * cells, so none can be another row's and no blank was lost. (Runs for every label: no arrays unless
 * the line ends in a number.)
 */
function inlineValues(cell: SourceCell, count: number): Token[] | undefined {
  const { text } = cell;
  const end = text.charCodeAt(text.length - 1);
  if (!(end >= 0x30 && end <= 0x39) || !/\s/.test(text)) return undefined;
  const parts = text.split(/\s+/);
  if (parts.length <= count) return undefined;
  const tokens: Token[] = [];
  for (const part of parts.slice(parts.length - count)) {
    // "00 01 20": a figure with a leading zero is two figures run together (two rows printed on one
    // baseline where a page breaks), not a count: which digit is whose is not in the text.
    if (LEADING_ZERO.test(part)) return undefined;
    const reading = readCell(part);
    if (reading.kind !== 'number') return undefined;
    tokens.push(new CellValue(reading.value, cell));
  }
  // The part before them is the label's own: a number there would make the split a guess.
  return readCell(parts[parts.length - count - 1] as string).kind === 'text' ? tokens : undefined;
}

/** Digits after a leading 0: no count or amount is printed so. */
const LEADING_ZERO = /^0\d/;

/** A figure misread past mending ("1B", "7?"): a digit among a few marks or letters, no words. */
const MISREAD_FIGURE = /^(?=.*\d)[^\u3400-\u9fff\s]{2,8}$/;

/**
 * Whether a grid cell's text is a figure that could not be read, where the row's filled cells are
 * exactly its values: the cell stands in its own column, so it is left open (null, with a finding:
 * see `unreadableCells`) instead of ending the row — which left the row short, and every value of
 * it open or in the wrong column.
 */
export function unreadableFigure(text: string): boolean {
  return MISREAD_FIGURE.test(text) && readCell(text).kind === 'text';
}

/** A table's column headers: printed after a row label, they part the label from the figures after them. */
const COLUMN_HEADERS = new Set(
  [
    ...S2_FORMAT_WORDS['2019'],
    ...S2_FORMAT_WORDS['2021'],
    ...Object.values(S2_BLOCKS).flatMap((blocks) =>
      blocks.flatMap((block) => block.rows.flatMap((row) => row.columns.map((column) => column.label))),
    ),
    '信息内容',
    '申请人情况',
    '法人或其他组织',
    ...APPLICANT_COLUMNS.filter((column) => column.label.length > 2).map((column) => column.label),
  ].map(canonical),
);
const ARTICLE_HEADER = /^第二十条第[(（][一二三四五六七八九十]+[)）]项$/;

/**
 * Whether a line between a row label and the figures after it is a column header: the table was
 * printed a column at a time (pdftotext's default order: every label, then each column under its
 * header), so the figures that follow are a column's, not the label's row.
 */
function columnHeader(text: string): boolean {
  const form = canonical(text);
  return COLUMN_HEADERS.has(form) || ARTICLE_HEADER.test(form);
}

/** Whether the last of a line's space-parted words is a row label. */
function labelAfterSpace(text: string, isLabel: (text: string) => boolean): boolean {
  const space = text.search(/\s\S+$/);
  return space > 0 && isLabel(text.slice(space + 1));
}

/**
 * A row a cell a line whose blank cells are blank lines (a label, then "3", five blank lines, "3"
 * under seven columns), or a cell a paragraph whose blank cells are blank paragraphs (a blank line
 * between any two cells, three around a blank one): the blanks between its values make up exactly
 * the cells they fall short of. Which way the page goes, the line between the label and the first
 * value says. The values in place with a blank cell for each blank; undefined otherwise. Blanks
 * after the last value may only part two rows, and a page of a PDF may have lost its running heads
 * between lines: neither is read so.
 */
function blankLineCells(tokens: readonly Token[], labelAt: Position | undefined, count: number): Token[] | undefined {
  if (labelAt?.line === undefined || labelAt.page !== undefined || tokens.length < 2) return undefined;
  const lines: number[] = [labelAt.line];
  for (const token of tokens) {
    const { line, page } = token.cell.at;
    if (line === undefined || page !== undefined) return undefined;
    lines.push(line);
  }
  // The blank lines between two cells, as the closest two show: none a line, one a paragraph.
  let apart = Infinity;
  for (let i = 1; i < lines.length; i += 1)
    apart = Math.min(apart, (lines[i] as number) - (lines[i - 1] as number) - 1);
  if (apart > 1) return undefined;
  const placed: Token[] = [];
  let previous = labelAt.line;
  for (const token of tokens) {
    const line = token.cell.at.line as number;
    const gap = line - previous - 1;
    if (gap < apart || (gap - apart) % (apart + 1) !== 0) return undefined;
    for (let k = 0; k < (gap - apart) / (apart + 1); k += 1)
      placed.push(new CellValue(null, { text: '', at: { line: previous + 1 + k * (apart + 1) } }));
    placed.push(token);
    previous = line;
  }
  return placed.length === count && placed.length > tokens.length ? placed : undefined;
}

export class Cursor {
  /**
   * How the values the last take found, a cell a line, fell short of the count: `blanks` when a
   * label or text ended them (the row's blank cells were dropped, a page copied cell by cell: "3 |",
   * "3 |" for 自然人 and 总计, so where they stand is for the sums to say, not their order), `cut`
   * when the text ended in the row (cut off: the values are in order but the rest is unknown).
   */
  short: 'none' | 'blanks' | 'cut' | 'empty' = 'none';
  /** Whether the last take found figures after the label but left them as no row's of its own (a column printed apart). */
  detached = false;
  /** Where the label of the last take a cell a line stands, for the blank lines after it. */
  private labelAt: Position | undefined;

  constructor(
    private readonly rows: readonly SourceRow[],
    private row: number,
    private cell: number,
  ) {}

  /**
   * Up to `count` values after the label. In a grid row, blanks inside the row are cells of
   * their own; a run of empty cells right after the label is layout (a merged cell) when the
   * row still holds enough values. In one-cell-per-line text the values follow on the next
   * lines, up to the next label or text.
   */
  take(count: number, isLabel: (text: string) => boolean): Token[] {
    const row = this.rows[this.row] as SourceRow;
    const { cells } = row;
    this.short = 'none';
    this.detached = false;
    if (!row.grid) {
      const inline = inlineValues(cells[this.cell] as SourceCell, count);
      if (inline) return inline;
    }
    const tokens: Token[] = [];
    if (row.grid && cells.length > this.cell + 1) {
      // The cells after the label, without the blank ones when the filled ones are enough (no arrays made).
      let filled = 0;
      for (let c = this.cell + 1; c < cells.length; c += 1) if ((cells[c] as SourceCell).text !== '') filled += 1;
      const skipBlank = filled >= count;
      for (let c = this.cell + 1; c < cells.length; c += 1) {
        const cell = cells[c] as SourceCell;
        if (skipBlank && cell.text === '') continue;
        if (tokens.length === count) break;
        if (cell.text !== '' && isLabel(cell.text)) break;
        const reading = readCell(cell.text);
        if (reading.kind === 'text' && !(filled === count && unreadableFigure(cell.text))) break;
        tokens.push(new CellValue(reading.kind === 'number' ? reading.value : null, cell));
      }
      // "00 01 00 01 02 00 31": two rows on one baseline where a page breaks, digits interleaved;
      // a section 三 row that does not add up so is no row's figures (see LEADING_ZERO).
      if (tokens.some((token) => LEADING_ZERO.test(token.cell.text)) && !rowAddsUp(tokens)) return this.apart();
      // One blank cell merged across the row ("本机关不涉及" over three columns) leaves every cell blank.
      if (tokens.length > 0 && tokens.length < count && tokens.every((token) => token.value === null)) {
        const last = tokens[tokens.length - 1] as Token;
        while (tokens.length < count) tokens.push(last);
      }
      if (tokens.length > 0) return tokens;
    }
    // One cell per line: values follow on the next rows.
    this.labelAt = (cells[this.cell] as SourceCell).at;
    let last = this.row;
    let header = false;
    for (let r = this.row + 1; r < this.rows.length && tokens.length < count; r += 1) {
      const next = this.rows[r] as SourceRow;
      for (const cell of next.cells) {
        if (tokens.length === count) break;
        if (cell.text === '') {
          // A blank cell a line (a lone pipe kept by `documentRows`): a cell of the row, in place.
          if (!next.grid) tokens.push(new CellValue(null, cell));
          continue;
        }
        if (isLabel(cell.text)) return this.stopped(tokens, count);
        const reading = readCell(cell.text);
        if (reading.kind === 'text') {
          // Header words before the first value are skipped; text after values ends the row.
          // Column headers and then figures with no label after the row's figures: a column's, too.
          if (tokens.length > 0)
            return header || headedFigures(this.rows, last, isLabel) ? this.apart() : this.stopped(tokens, count);
          // "予公开 5.属于三类内部事务信息": a group heading's tail before the next row's label (a
          // label printed beside its group's, as pdftotext joins them): the next row, not header words.
          if (labelAfterSpace(cell.text, isLabel)) return this.stopped(tokens, count);
          header ||= columnHeader(cell.text);
          continue;
        }
        tokens.push(new CellValue(reading.kind === 'number' ? reading.value : null, cell));
        last = r;
      }
    }
    if (tokens.length > 0 && (header || detachedFrom(this.rows, last, tokens, isLabel))) return this.apart();
    if (tokens.length > 0 && tokens.length < count) this.short = 'cut';
    return tokens;
  }

  /** No values: those after the label are a column's or a block's printed apart from their rows. */
  private apart(): Token[] {
    this.detached = true;
    return [];
  }

  /**
   * The values of a row a cell a line that a label or text ended, noting whether they fell short
   * (`empty`: the next label came first, every cell of the row blank).
   */
  private stopped(tokens: Token[], count: number): Token[] {
    const placed = tokens.length < count ? blankLineCells(tokens, this.labelAt, count) : undefined;
    if (placed) return placed;
    if (tokens.length > 0 && tokens.length < count) this.short = 'blanks';
    else if (tokens.length === 0) this.short = 'empty';
    return tokens;
  }
}

/** How a section 三 row short of values is placed: by the sums when its blanks were lost, open when cut. */
export function shortWay(row: SourceRow, cursor: Cursor): 'order' | 'sums' | 'open' {
  if (row.grid || cursor.short === 'blanks') return 'sums';
  return cursor.short === 'cut' ? 'open' : 'order';
}
