import { S2_BLOCKS, S3_COLUMNS, S4_COLUMNS, S4_GROUPS, type ReportFormat } from '../model/cells.js';
import { placeCollapsedRows, type CollapsedRow } from './collapsed.js';
import { Cursor, shortWay, unreadableFigure, type Token } from './cursor.js';
import { CellValue, type ParserFinding, type ReadValue } from './readings.js';

export type { ParserFinding, ReadValue } from './readings.js';
import { matchRowLabel, S2_FORMAT_WORDS, type LabelMatch, type RowLabel } from './labels.js';
import { canonical, plainFirstCharacter, readCell } from './normalise.js';
import type { SourceCell, SourceRow } from './rows.js';
import { valueRowOf } from './s4-values.js';
import { interned } from '../model/interned.js';

/*
 * Source rows → the model's cell IDs: the statutory tables' values read by their row labels,
 * wherever the rows stand (a table of the file, a text line, a pipe or tab layout). The
 * extractors (extract/) rebuild a file's own tables; this reads the report's cells out of rows.
 */

export interface TableReading {
  readonly values: Map<string, ReadValue>;
  /** Format the section 二 headers show, if they show one. */
  readonly s2Format: ReportFormat | undefined;
  /** Whether section 三 prints (六) with its three sub-rows. */
  readonly otherSubRows: boolean;
  readonly findings: ParserFinding[];
  /** Index of the row where each table's first label stands, to bound the prose sections. */
  readonly firstRow: Partial<Record<'s2' | 's3' | 's4', number>>;
}

/** The first characters of the format words: a cell starting otherwise tells no format (most cells). */
const FORMAT_WORD_STARTS = new Set(Object.values(S2_FORMAT_WORDS).flatMap((words) => words.map((word) => word[0])));

/** Whether a text starts with an ASCII digit, which canonical form keeps: no label or header word does. */
function startsWithDigit(text: string): boolean {
  const first = text.charCodeAt(0);
  return first >= 0x30 && first <= 0x39;
}

function s2FormatOf(rows: readonly SourceRow[]): ReportFormat | undefined {
  const seen = { '2019': 0, '2021': 0 };
  for (const row of rows) {
    for (const cell of row.cells) {
      // An empty cell (most of a pipe table's padding) tells nothing.
      if (cell.text === '' || cell.text.length > 30 || startsWithDigit(cell.text)) continue;
      const first = plainFirstCharacter(cell.text);
      if (first !== undefined && !FORMAT_WORD_STARTS.has(first)) continue;
      const form = canonical(cell.text);
      if (!FORMAT_WORD_STARTS.has(form[0])) continue;
      for (const format of ['2019', '2021'] as const) {
        // Headers cut short ("本年新", "现行有效件") still tell the format.
        if (
          S2_FORMAT_WORDS[format].some((word) => form.startsWith(word) || (form.length >= 3 && word.startsWith(form)))
        ) {
          seen[format] += 1;
        }
      }
    }
  }
  if (seen['2021'] === 0 && seen['2019'] === 0) return undefined;
  return seen['2021'] >= seen['2019'] ? '2021' : '2019';
}

/** The cell IDs of a section 二 row in a format: the format's own columns, else the other format's. */
function s2RowIds(format: ReportFormat): Map<string, readonly string[]> {
  const ids = new Map<string, readonly string[]>();
  for (const own of [format, format === '2021' ? '2019' : '2021'] as const) {
    for (const row of S2_BLOCKS[own].flatMap((block) => block.rows)) {
      if (!ids.has(row.key))
        ids.set(
          row.key,
          row.columns.map((column) => interned(`s2.${row.key}.${column.key}`)),
        );
    }
  }
  return ids;
}

/*
 * Cell IDs are built once: the same strings then key every report's maps and objects (a string
 * built anew is hashed and interned again each time it is used as a key).
 */
const S2_ROW_IDS: Record<ReportFormat, Map<string, readonly string[]>> = {
  '2019': s2RowIds('2019'),
  '2021': s2RowIds('2021'),
};

const S4_ANCHOR = '行政复议';
const S4_PARTNER = '行政诉讼';

const S3_KEYS = S3_COLUMNS.map((col) => col.key);
const s3Ids = new Map<string, readonly string[]>();

/** The cell IDs of a section 三 row, by its key. */
function s3RowIds(rowKey: string): readonly string[] {
  let ids = s3Ids.get(rowKey);
  if (!ids) {
    ids = S3_KEYS.map((column) => interned(`s3.${rowKey}.${column}`));
    s3Ids.set(rowKey, ids);
  }
  return ids;
}

/** The state of one pass over the rows: the values read so far and where the tables stand. */
class RowLabelReader {
  readonly values = new Map<string, ReadValue>();
  readonly findings: ParserFinding[] = [];
  readonly firstRow: TableReading['firstRow'] = {};
  readonly collapsed: CollapsedRow[] = [];
  /** Section 三 rows printed a cell a line with no value before the next label: every cell blank. */
  readonly blankRows = new Set<string>();
  /** Whether some row a cell a line lost its blank cells (then a row with no value is all blanks). */
  blanksDropped = false;
  /** The (六)其他处理 heading when no figure followed it: a single row (2019) left open, to be named. */
  private otherAlone: SourceCell | undefined;
  otherSubRows = false;
  /** Inside the group (六) 其他处理 of section 三, whose sub-rows share labels with other rows. */
  private inOtherGroup = false;
  readonly isLabel = (text: string): boolean =>
    matchRowLabel(text, this.inOtherGroup) !== undefined || isS4Anchor(text);

  constructor(
    private readonly rows: readonly SourceRow[],
    /** The format whose section 二 columns a row takes. */
    private readonly s2ColumnsFormat: ReportFormat,
    /** Whether a header of section 二's columns was seen ("本年制发件数"), naming the columns a row fills. */
    private readonly s2Headed: boolean,
  ) {}

  /**
   * Gives the tokens read after a row label to the row's cell IDs, once. A section 三 row short of
   * values is placed by the sums (`sums`: its blanks were lost), left open (`open`: the text was cut
   * in it) or, as a row of section 二 or 四 is, in order; a section 二 row is left open (`open`) when
   * its blanks were lost, as no sums tie its columns.
   */
  private assign(
    prefix: string,
    ids: readonly string[],
    tokens: Token[],
    label: SourceCell,
    short: 'order' | 'sums' | 'open' = 'order',
  ): void {
    const { values, collapsed } = this;
    const name = label.text;
    if (ids.some((id) => values.has(id)) || collapsed.some((row) => `s3.${row.rowKey}` === prefix)) return;
    const s3Short = prefix.startsWith('s3.') && tokens.length > 0 && tokens.length < ids.length;
    if (prefix.startsWith('s2.') && short === 'open' && tokens.length > 0 && tokens.length < ids.length) {
      this.findings.push({
        rule: 'row-incomplete',
        severity: 'error',
        message: `“${name}”一行的空白单元格在原文中丢失，只读到 ${tokens.map((t) => t.cell.text).join('、')}；不能确定各数所在的列，整行留空，请对照原文`,
        cells: [...ids],
      });
      return;
    }
    if (s3Short && short === 'open') {
      this.findings.push({
        rule: 'row-incomplete',
        severity: 'error',
        message: `“${name}”一行在文字末尾中断，只读到 ${tokens.length} 个数值，应有 ${ids.length} 个；不能确定各数所在的列，整行留空`,
        cells: [...ids],
      });
      return;
    }
    if (s3Short && short === 'sums') {
      // A grid row with too few values lost its blank cells: placed by the sums once all rows are read.
      collapsed.push({
        rowKey: prefix.slice(3),
        label: name,
        values: tokens,
      });
      return;
    }
    // One loop, no arrays: it runs for every row.
    tokens.forEach((token, i) => {
      const id = ids[i] as string;
      values.set(id, token);
      if (token.value === null && unreadableFigure(token.cell.text))
        this.findings.push({
          rule: 'cell-unreadable',
          severity: 'error',
          message: `“${name}”一行的单元格“${token.cell.text}”无法识别为数值，该单元格留空，请对照原文`,
          cells: [id],
        });
    });
    if (tokens.length < ids.length) {
      this.findings.push({
        rule: 'row-incomplete',
        severity: 'error',
        message: `“${name}”一行只读到 ${tokens.length} 个数值，应有 ${ids.length} 个${label.at.line ? `（第 ${label.at.line} 行）` : ''}`,
        cells: ids.slice(tokens.length),
      });
    }
  }

  /** The row label a cell's text is, if any. */
  private match(text: string): LabelMatch | undefined {
    let match: LabelMatch | undefined = matchRowLabel(text, this.inOtherGroup);
    // A group's name may open a longer label ("（六）其他处理 1.申请人无正当理由逾期不补正…", as a
    // transcript joins the label cells): then its last part names the row.
    const group = match?.kind === 'row' && match.label.group;
    if ((!match || group) && /\s/.test(text) && /\s/.test(text.trim())) {
      // An unfolded label ("三、本年度办理结果 （六）其他处理 3.其他"): its parts in order, the last names the row.
      for (const part of text.trim().split(/\s+/)) {
        const partMatch = matchRowLabel(part, this.inOtherGroup);
        if (partMatch?.kind === 'row' && partMatch.label.group) this.inOtherGroup = partMatch.label.key === 'other';
        match = partMatch ?? match;
      }
    }
    return match;
  }

  /** Reads the cell at row r, column c: when it is a row label, the values after it. */
  readCell(row: SourceRow, r: number, cell: SourceCell, c: number): void {
    if (cell.text === '' || cell.text.length > 90) return;
    const match = this.match(cell.text);
    if (!match) return;
    const cursor = new Cursor(this.rows, r, c);
    if (match.kind === 'outcomes-heading') return;
    if (match.kind === 'total' || match.kind === 'other-other') {
      const key = match.kind === 'total' ? 'total' : 'other.other';
      if (key === 'other.other') this.otherSubRows = true;
      if (key === 'total') this.inOtherGroup = false;
      const tokens = cursor.take(7, this.isLabel);
      this.assign(`s3.${key}`, s3RowIds(key), tokens, cell, shortWay(row, cursor));
      this.firstRow.s3 ??= r;
      return;
    }
    const { label } = match;
    if (label.table === 's3') {
      this.readS3Label(label, row, r, cell, cursor);
      return;
    }
    this.firstRow.s2 ??= r;
    const ids = S2_ROW_IDS[this.s2ColumnsFormat].get(label.key);
    if (!ids) return;
    const tokens = cursor.take(ids.length, this.isLabel);
    // A row a cell a line that the next label cut short lost its blank cells: no sums place its
    // values ("3" under three columns; "152", digits run together, is no 本年制发 either). Zeros may
    // stand in order: a blank is none, and the aligner reads a run "000" as every cell's 0.
    const lost = !row.grid && cursor.short === 'blanks' && tokens.some((token) => token.value !== 0);
    // With no header naming the columns ("| 项目 | 2023年 |", a transcript's own table), a row short
    // of values may hold any of them: "规范性文件 | 15 |" is no 本年制发 more than 现行有效.
    const unheaded = !this.s2Headed && tokens.length > 0 && tokens.length < ids.length;
    this.assign(`s2.${label.key}`, ids, tokens, cell, lost || unheaded ? 'open' : 'order');
  }

  /**
   * A (六)其他处理 with no figures after it and no sub-rows, in a table of the format where it is
   * one row: the row is open, and named so (the rules name the cells of sub-rows only).
   */
  closeOther(outcomeFormat: ReportFormat): void {
    if (this.otherAlone && outcomeFormat === '2019' && !this.otherSubRows)
      this.assign('s3.other', s3RowIds('other'), [], this.otherAlone);
  }

  private readS3Label(label: RowLabel, row: SourceRow, r: number, cell: SourceCell, cursor: Cursor): void {
    this.firstRow.s3 ??= r;
    if (label.group) {
      this.inOtherGroup = label.key === 'other';
      // A group heading followed by values is printed as one row: (六) in the 2019 table.
      const tokens = cursor.take(7, this.isLabel);
      // Figures after it that are a column's (cursor.detached) leave the row open, with a finding.
      if ((tokens.length > 0 || cursor.detached) && label.key === 'other')
        this.assign('s3.other', s3RowIds('other'), tokens, cell, shortWay(row, cursor));
      else if (label.key === 'other') this.otherAlone ??= cell;
      return;
    }
    if (label.key.startsWith('other.')) this.otherSubRows = true;
    this.inOtherGroup = label.key.startsWith('other.');
    const tokens = cursor.take(7, this.isLabel);
    if (cursor.short === 'blanks') this.blanksDropped = true;
    if (cursor.short === 'empty' && !row.grid) this.blankRows.add(label.key);
    this.assign(`s3.${label.key}`, s3RowIds(label.key), tokens, cell, shortWay(row, cursor));
  }
}

/**
 * Reads the statutory tables from the rows, wherever they stand: each row label found takes
 * the values after it. A label printed twice keeps its first reading.
 */
export function readTables(rows: readonly SourceRow[], fallbackFormat: ReportFormat): TableReading {
  const s2Format = s2FormatOf(rows);
  const reader = new RowLabelReader(rows, s2Format ?? fallbackFormat, s2Format !== undefined);
  rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => reader.readCell(row, r, cell, c));
  });
  const { values, findings, firstRow, otherSubRows } = reader;
  const outcomeFormat = otherSubRows ? '2021' : (s2Format ?? fallbackFormat);
  reader.closeOther(outcomeFormat);
  const blankRows = reader.blanksDropped ? reader.blankRows : undefined;
  findings.push(
    ...placeCollapsedRows(reader.collapsed, values, outcomeFormat, otherSubRows ? 'subRows' : 'single', blankRows),
  );
  readS4(rows, values, findings, firstRow, reader.isLabel);
  return { values, s2Format, otherSubRows, findings, firstRow };
}

function isS4Anchor(text: string): boolean {
  if (text === '' || startsWithDigit(text)) return false;
  const first = plainFirstCharacter(text);
  return (first === undefined || first === S4_ANCHOR[0]) && canonical(text) === S4_ANCHOR;
}

/** The headers a PDF's text prints on the 行政复议 line when single spaces stand between its cells. */
const S4_HEADER_LINE = /^行政复议(?:\s+(?:行政诉讼|未经复议直接起诉|复议后起诉))+$/;

/** Where the row's 行政复议 header stands, or -1. (Loops: it runs for every row before section 四.) */
function s4AnchorIn(row: SourceRow): number {
  const { cells } = row;
  for (let c = 0; c < cells.length; c += 1) if (isS4Anchor((cells[c] as SourceCell).text)) return c;
  // "行政复议 行政诉讼" as one line of a PDF's text: the headers below it may be past recognising
  // (a narrow column prints 结果维持 a character a line), the fifteen values after them are not.
  const only = cells.length === 1 ? (cells[0] as SourceCell).text : '';
  return only.startsWith(S4_ANCHOR) && S4_HEADER_LINE.test(only) ? 0 : -1;
}

/** Whether the 行政诉讼 header (or 直接起诉) stands in the row or the three after it. */
function s4PartnerNear(rows: readonly SourceRow[], r: number): boolean {
  for (let i = r; i < Math.min(rows.length, r + 4); i += 1) {
    for (const cell of (rows[i] as SourceRow).cells) {
      const form = canonical(cell.text);
      // "行政复议 行政诉讼" as one line (S4_HEADER_LINE) names its partner itself: the headers
      // under it may run many lines when a narrow column prints 结果 and 维持 apart.
      if (form.startsWith(S4_PARTNER) || form.includes('直接起诉') || (i === r && S4_HEADER_LINE.test(cell.text)))
        return true;
    }
  }
  return false;
}

const S4_IDS = S4_GROUPS.flatMap((group) => S4_COLUMNS.map((column) => interned(`s4.${group.key}.${column.key}`)));

/** Section 四: after the 行政复议 / 行政诉讼 headers, the fifteen values in the order of the cell IDs. */
function readS4(
  rows: readonly SourceRow[],
  values: Map<string, ReadValue>,
  findings: ParserFinding[],
  firstRow: TableReading['firstRow'],
  isLabel: (text: string) => boolean,
): void {
  const ids = S4_IDS;
  for (let r = 0; r < rows.length; r += 1) {
    const anchor = s4AnchorIn(rows[r] as SourceRow);
    if (anchor === -1 || !s4PartnerNear(rows, r)) continue;
    firstRow.s4 = r;
    const tokens: Token[] = [];
    let lines = 0;
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
          if (tokens.length > 0 && (isLabel(cell.text) || cell.text.length > 20)) break;
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
    tokens.forEach((token, i) => values.set(ids[i] as string, token));
    if (tokens.length < ids.length) {
      findings.push({
        rule: 'row-incomplete',
        severity: 'error',
        message: `第四部分行政复议、行政诉讼情况只读到 ${tokens.length} 个数值，应有 ${ids.length} 个`,
        cells: ids.slice(tokens.length),
      });
    }
    return;
  }
}
