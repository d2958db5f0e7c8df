import { S2_BLOCKS, S3_COLUMNS, type ReportFormat } from '../model/cells.js';
import { openApart } from './apart.js';
import { placeCollapsedRows, type CollapsedRow } from './collapsed.js';
import { Cursor, shortWay, unreadableFigure, type Token } from './cursor.js';
import { type ParserFinding, type ReadValue } from './readings.js';

export type { ParserFinding, ReadValue } from './readings.js';
import {
  allDigits,
  headerColumns,
  isS2Header,
  isS4Anchor,
  matchRowLabel,
  s2FormatOf,
  s2HeaderWord,
  startsWithDigit,
} from './labels.js';
import { isTrimmed } from './normalise.js';
import { mendOcrLabel } from './ocr-labels.js';
import type { LabelMatch, RowLabel } from './labels.js';
import type { SourceCell, SourceRow } from './rows.js';
import { readS4 } from './s4-read.js';
import { detached, interned } from '../model/interned.js';

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
  /** Section 二 cells of rows whose numbers have no known column: no split of those numbers places them. */
  readonly unplaceable?: ReadonlySet<string>;
}

/** Longer than any label with its note, as a transcript may space it out. */
const MENDED_LONGEST = 60;
/** The same header and prose cells recur in every report, and most are no label misread: what mending made of them is kept. */
const mendedTexts = new Map<string, string>();
const MENDED_CACHE_SIZE = 10_000;

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

// Cell IDs are built once: the same strings key every report's maps (a new string is hashed again).
const S2_ROW_IDS: Record<ReportFormat, Map<string, readonly string[]>> = {
  '2019': s2RowIds('2019'),
  '2021': s2RowIds('2021'),
};

const S3_KEYS = S3_COLUMNS.map((col) => col.key);
const s3Ids = new Map<string, readonly string[]>();

/** The cell IDs of a section 三 row, by its key. */
function s3RowIds(rowKey: string): readonly string[] {
  const ids = s3Ids.get(rowKey) ?? S3_KEYS.map((column) => interned(`s3.${rowKey}.${column}`));
  s3Ids.set(rowKey, ids);
  return ids;
}

/**
 * Whether a white space stands inside the text once trimmed (`/\s/.test(text.trim())`): by hand, as
 * it is asked of every cell that names no row. `\s` and `trim` take the same code units (isTrimmed).
 */
export function spaceWithin(text: string): boolean {
  let start = 0;
  let end = text.length;
  while (start < end && isTrimmed(text.charCodeAt(start))) start += 1;
  while (end > start && isTrimmed(text.charCodeAt(end - 1))) end -= 1;
  for (let i = start; i < end; i += 1) if (isTrimmed(text.charCodeAt(i))) return true;
  return false;
}

/** The state of one pass over the rows: the values read so far and where the tables stand. */
class RowLabelReader {
  readonly values = new Map<string, ReadValue>();
  readonly findings: ParserFinding[] = [];
  readonly firstRow: TableReading['firstRow'] = {};
  readonly collapsed: CollapsedRow[] = [];
  readonly unplaceable = new Set<string>();
  /** The column headers of the section 二 block read last ("信息内容" and what follows it). */
  private s2Header: string[] = [];
  private inS2Header = false;
  /** Section 三 rows printed a cell a line with no value before the next label: every cell blank. */
  readonly blankRows = new Set<string>();
  /** Whether some row a cell a line lost its blank cells (then a row with no value is all blanks). */
  blanksDropped = false;
  /** Whether some section 三 row's figures were a column's printed apart from its rows (see apart.ts). */
  s3Apart = false;
  /** The (六)其他处理 heading when no figure followed it: a single row (2019) left open, to be named. */
  private otherAlone: SourceCell | undefined;
  otherSubRows = false;
  /** Inside the group (六) 其他处理 of section 三, whose sub-rows share labels with other rows. */
  private inOtherGroup = false;
  readonly isLabel = (text: string): boolean =>
    matchRowLabel(text, this.inOtherGroup) !== undefined || isS4Anchor(text) || this.mended(text) !== undefined;

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
      for (const id of ids) this.unplaceable.add(id);
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
    let match: LabelMatch | undefined = matchRowLabel(text, this.inOtherGroup) ?? this.mended(text);
    // A group's name may open a longer label ("（六）其他处理 1.申请人无正当理由逾期不补正…", as a
    // transcript joins the label cells): then its last part names the row.
    const group = match?.kind === 'row' && match.label.group;
    if ((!match || group) && spaceWithin(text)) {
      // An unfolded label ("三、本年度办理结果 （六）其他处理 3.其他"): its parts in order, the last names the row.
      for (const part of text.trim().split(/\s+/)) {
        const partMatch = matchRowLabel(part, this.inOtherGroup) ?? this.mended(part);
        if (partMatch?.kind === 'row' && partMatch.label.group) this.inOtherGroup = partMatch.label.key === 'other';
        match = partMatch ?? match;
      }
    }
    return match;
  }

  /**
   * The row a label names that an OCR or a language model transcribed with one character wrong
   * ("行政规范姓文件", "本年新牧政府信息公开申请数量"), as `mendOcrLabel` mends a scan's labels:
   * text one edit from exactly one statutory label of five characters or more.
   */
  private mended(text: string): LabelMatch | undefined {
    // No label is shorter than four characters that mending would name (ocr-labels.ts), and none
    // with its note runs past MENDED_LONGEST: prose lines, asked whether they are labels, are not mended.
    if (text.length < 4 || text.length > MENDED_LONGEST || startsWithDigit(text)) return undefined;
    let mended = mendedTexts.get(text);
    if (mended === undefined) {
      mended = mendOcrLabel(text);
      if (mendedTexts.size >= MENDED_CACHE_SIZE) mendedTexts.clear();
      mendedTexts.set(detached(text), detached(mended));
    }
    return mended === text ? undefined : matchRowLabel(mended, this.inOtherGroup);
  }

  /** Reads the cell at row r, column c: when it is a row label, the values after it. */
  readCell(row: SourceRow, r: number, cell: SourceCell, c: number): void {
    // A count (most cells) is no label and no header word: told so before either is asked.
    if (cell.text === '' || cell.text.length > 90 || allDigits(cell.text)) return;
    if (this.readS2Header(cell.text)) return;
    const match = this.match(cell.text);
    if (!match) return;
    this.inS2Header = false;
    const cursor = new Cursor(this.rows, r, c);
    if (match.kind === 'outcomes-heading') return;
    if (match.kind === 'total' || match.kind === 'other-other') {
      const key = match.kind === 'total' ? 'total' : 'other.other';
      if (key === 'other.other') this.otherSubRows = true;
      if (key === 'total') this.inOtherGroup = false;
      const tokens = cursor.take(7, this.isLabel);
      this.s3Apart ||= cursor.detached;
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
    const named = lost ? undefined : headerColumns(ids, this.s2Header, tokens.length);
    if (named === undefined) this.assign(`s2.${label.key}`, ids, tokens, cell, lost || unheaded ? 'open' : 'order');
    else this.placeByHeader(label.key, ids, named, tokens, cell);
  }

  /** Takes a section 二 header cell ("信息内容", then each column's header): whether the cell was one. */
  private readS2Header(text: string): boolean {
    if (isS2Header(text)) {
      this.s2Header = [];
      this.inS2Header = true;
      return true;
    }
    const word = this.inS2Header ? s2HeaderWord(text) : undefined;
    if (word !== undefined) this.s2Header.push(word);
    return word !== undefined;
  }

  /** A section 二 row short of values whose block's header names its columns ("处理决定数量" alone): each value there, the rest open. */
  private placeByHeader(
    key: string,
    ids: readonly string[],
    named: string[] | null,
    tokens: Token[],
    label: SourceCell,
  ) {
    if (named) this.assign(`s2.${key}`, named, tokens, label);
    const open = ids.filter((id) => !named?.includes(id));
    for (const id of open) this.unplaceable.add(id);
    const header = `“${label.text}”一行的表头`;
    const words = this.s2Header.join('、');
    const message = named
      ? `只有“${words}”，其余各列原文没有，留空`
      : `“${words}”不是本表此行的列，不能确定数值所在的列，整行留空，请对照原文`;
    this.findings.push({ rule: 'row-incomplete', severity: 'error', message: header + message, cells: open });
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
      this.s3Apart ||= cursor.detached;
      // Figures after it that are a column's (cursor.detached) leave the row open, with a finding.
      if ((tokens.length > 0 || cursor.detached) && label.key === 'other')
        this.assign('s3.other', s3RowIds('other'), tokens, cell, shortWay(row, cursor));
      else if (label.key === 'other') this.otherAlone ??= cell;
      return;
    }
    if (label.key.startsWith('other.')) this.otherSubRows = true;
    this.inOtherGroup = label.key.startsWith('other.');
    const tokens = cursor.take(7, this.isLabel);
    this.s3Apart ||= cursor.detached;
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
  const { values, findings, firstRow, otherSubRows, unplaceable } = reader;
  const outcomeFormat = otherSubRows ? '2021' : (s2Format ?? fallbackFormat);
  reader.closeOther(outcomeFormat);
  if (reader.s3Apart) findings.push(...openApart(reader.collapsed.splice(0), s3RowIds));
  const blankRows = reader.blanksDropped ? reader.blankRows : undefined;
  findings.push(
    ...placeCollapsedRows(reader.collapsed, values, outcomeFormat, otherSubRows ? 'subRows' : 'single', blankRows),
  );
  readS4(rows, values, findings, firstRow, reader.isLabel);
  return { values, s2Format, otherSubRows, findings, firstRow, ...(unplaceable.size > 0 ? { unplaceable } : {}) };
}
