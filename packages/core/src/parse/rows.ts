import type { DocumentNode, ExtractedDocument, Position, Table, TableCell, TextLine } from './document.js';
import { isTraditional, isTrimmed, readCell, toSimplifiedText } from './normalise.js';

/** One cell of text with where it came from. */
export interface SourceCell {
  readonly text: string;
  readonly at: Position;
}

/**
 * A row of cells in reading order. `grid` rows come from a table, a pipe or tab line, or a PDF
 * line with column gaps: their empty cells are real (a blank in the table). A single-cell row
 * is a line of text, or one cell of a table printed one cell per line.
 */
export interface SourceRow {
  readonly cells: readonly SourceCell[];
  readonly grid: boolean;
}

/**
 * "| a | b |" → ["a", "b"]: the cells between the pipes, each trimmed; the outer pipes frame the row
 * and are not cells. By hand, as `trim`, `split("|")` and a `trim` of each piece would give them: it
 * runs for every line of a pipe table, and each step made a string of its own.
 */
export function splitPipes(text: string): string[] {
  let start = 0;
  let end = text.length;
  while (start < end && isTrimmed(text.charCodeAt(start))) start += 1;
  while (end > start && isTrimmed(text.charCodeAt(end - 1))) end -= 1;
  if (start < end && text.charCodeAt(start) === 0x7c) start += 1;
  if (end > start && text.charCodeAt(end - 1) === 0x7c) end -= 1;
  const pieces: string[] = [];
  for (let from = start; ;) {
    let to = text.indexOf('|', from);
    if (to === -1 || to > end) to = end;
    let a = from;
    let b = to;
    while (a < b && isTrimmed(text.charCodeAt(a))) a += 1;
    while (b > a && isTrimmed(text.charCodeAt(b - 1))) b -= 1;
    pieces.push(text.slice(a, b));
    if (to === end) return pieces;
    from = to + 1;
  }
}

/** A cell a transcriber set in Markdown emphasis: "**规章**", "__0__", "*总计*". */
const EMPHASIS = /^(\*{1,3}|_{2,3})([^*_]+)\1$/;

/**
 * The cell's text trimmed (`trimmed`: it is already), without the emphasis an OCR or LLM
 * transcription puts round labels and figures.
 */
function cellText(text: string, trimmed: boolean): string {
  const bare = trimmed ? text : text.trim();
  const first = bare.charCodeAt(0);
  // Most cells start with neither "*" nor "_": no pattern runs for them.
  if (first !== 0x2a && first !== 0x5f) return bare;
  const emphasis = EMPHASIS.exec(bare);
  return emphasis ? (emphasis[2] as string).trim() : bare;
}

/** The cells of the texts at `at`, without the empty ones at the end. (One array: it runs for every line.) */
function cellsOf(texts: readonly string[], at: Position, trimmed = false): SourceCell[] {
  const cells: SourceCell[] = [];
  for (const text of texts) cells.push({ text: cellText(text, trimmed), at });
  while (cells.length > 0 && (cells[cells.length - 1] as SourceCell).text === '') cells.pop();
  return cells;
}

/**
 * A table's rows with what a reader sees in each: a cell merged down over several rows stands
 * in each of them ("—" for 行政处罚 and 行政强制 alike), while a cell merged across columns
 * stands once, as the one value of its row.
 */
function tableRows(table: Table): SourceRow[] {
  const above: TableCell[] = [];
  const rows: SourceRow[] = [];
  table.rows.forEach((row, r) => {
    const covering = above.filter((cell) => cell.row < r && cell.row + cell.rowSpan > r);
    const cells = [...row, ...covering].sort((a, b) => a.column - b.column);
    above.push(...row.filter((cell) => cell.rowSpan > 1));
    if (cells.length > 0)
      rows.push({ cells: cells.map((cell) => ({ text: cell.text.trim(), at: cell.at })), grid: true });
  });
  return rows;
}

/** Numbers that run together on one line ("0 0 3 0"), as PDF flip-books print table rows. */
const NUMBER_RUN = /^\s*(?:[-−]?\d+(?:\.\d+)?\s+)+[-−]?\d+(?:\.\d+)?\s*$/;

/** A figure or nothing: a field of a comma-separated row after its label. */
const FIGURE_FIELD = /^\s*(?:[-−]?\d+(?:\.\d+)?)?\s*$/;
/** A label of a row: some Chinese, and not ending in a digit ("行政许可3,119" is 3,119 thousands-grouped, no row). */
const ROW_LABEL = /[\u4e00-\u9fff][^\d]*$/;

/**
 * A row whose cells a spreadsheet's CSV export or a crawler joined with commas: "行政许可,12,0,18",
 * "(二)部分公开(区分处理的,只计这一情形,不计其他情形),16,1,0,0,0,0,17". The label is what stands before
 * the trailing fields that are all figures or empty; undefined for any other line.
 */
function commaCells(text: string): string[] | undefined {
  // A row ends with a figure or an empty field: prose with commas ends otherwise, and is told so
  // from its last field alone, before it is split (every line of the text is asked).
  let lastComma = text.length - 1;
  while (
    lastComma >= 0 &&
    text.charCodeAt(lastComma) !== 0x2c /* , */ &&
    text.charCodeAt(lastComma) !== 0xff0c /* ， */
  )
    lastComma -= 1;
  if (lastComma < 0 || !FIGURE_FIELD.test(text.slice(lastComma + 1))) return undefined;
  const fields = text.split(/[,，]/);
  let first = fields.length;
  while (first > 1 && FIGURE_FIELD.test(fields[first - 1] as string)) first -= 1;
  const figures = fields.slice(first).map((field) => field.trim());
  if (!figures.some((field) => field !== '')) return undefined;
  const labelEnd = fields.slice(0, first).reduce((length, field) => length + field.length + 1, -1);
  const label = text.slice(0, labelEnd).trim();
  if (!ROW_LABEL.test(label) || /[。；;]/.test(label)) return undefined;
  while (figures.length > 0 && figures[figures.length - 1] === '') figures.pop();
  return [label, ...figures];
}

/** A line of nothing but pipes. */
const SEPARATOR_ONLY = /^[|｜]+$/;

/** A Markdown table's header rule: "| --- | :---: |". */
const MARKDOWN_RULE = /^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/;

/** Markdown's heading and bold marks around a line's text, which are not part of it. */
function unmark(line: string): string {
  // Nearly every line starts otherwise: it is itself.
  const first = line.charCodeAt(0);
  if (first !== 0x23 /* # */ && first !== 0x2a /* * */) return line;
  return line.replace(/^#{1,6}\s+/, '').replace(/^\*\*(.+)\*\*$/, '$1');
}

/** Whether a line only separates cells: lone pipes, or a Markdown table's header rule (which holds "---"). */
function separatorOnly(line: string): boolean {
  const first = line.charCodeAt(0);
  return (
    ((first === 0x7c /* | */ || first === 0xff5c) /* ｜ */ && SEPARATOR_ONLY.test(line)) ||
    (line.includes('---') && MARKDOWN_RULE.test(line))
  );
}

/**
 * A pipe row whose blank cells each broke the line ("本年新收… | 25 |", then "|" lines, then "| 25 |",
 * as some pages' text gives a table whose empty cells hold a paragraph): the row on one line, each
 * lone "|" a blank cell in place. Only when a line of a cell closed by a pipe ends the run, so the
 * lone pipes that open a row of one cell a line ("|", "规章 |") stay separators.
 */
function blankCellLines(
  nodes: readonly DocumentNode[],
  n: number,
  line: string,
): { text: string; last: number } | undefined {
  if (!line.endsWith('|') || (nodes[n + 1] as DocumentNode | undefined)?.kind !== 'line') return undefined;
  let text = line;
  let last = n;
  for (let i = n + 1; i < nodes.length; i += 1) {
    const next = nodes[i] as DocumentNode;
    if (next.kind !== 'line') return undefined;
    const piece = next.text.trim();
    if (piece === '|') {
      text += '|';
      continue;
    }
    if (i === n + 1 || !CLOSED_CELL_LINE.test(piece)) break;
    text += piece;
    last = i;
    // The row may go on: more blank cells, then another value.
    if (!(
      (nodes[i + 1] as DocumentNode | undefined)?.kind === 'line' && (nodes[i + 1] as TextLine).text.trim() === '|'
    ))
      break;
  }
  return last > n ? { text, last } : undefined;
}

/** "| 25 |": a value cell opened and closed by pipes. */
const CLOSED_CELL_LINE = /^\|[^|]*[^|\s][^|]*\|$/;

/** One cell a line closed by a pipe ("56 |", "规章 |"): a web table copied cell by cell. */
const ONE_CELL_LINE = /^[^|｜]*[^|｜\s][^|｜]*\|$/;

/** The node's text trimmed, when it is a line. */
function lineText(node: DocumentNode | undefined): string | undefined {
  return node?.kind === 'line' ? node.text.trim() : undefined;
}

/** A run of lone "|" lines from node n: its last node, and the closed cell lines around it. */
function pipeRun(nodes: readonly DocumentNode[], n: number): { end: number; before?: string; after?: string } {
  let end = n;
  while (lonePipe(nodes[end + 1])) end += 1;
  const before = lineText(nodes[n - 1]);
  const after = lineText(nodes[end + 1]);
  return {
    end,
    ...(before !== undefined && ONE_CELL_LINE.test(before) ? { before } : {}),
    ...(after !== undefined && ONE_CELL_LINE.test(after) ? { after } : {}),
  };
}

/** Whether a closed cell line ("56 |") holds a value. */
const valueLine = (line: string): boolean => readCell(line.slice(0, -1).trim()).kind === 'number';

/**
 * The lone "|" lines that stand for blank cells, in a table copied a cell a line where every cell
 * ends with a pipe and a blank cell leaves the pipe alone ("56 |", then five "|", then "56 |"): the
 * pipes between a cell and a value. The pipes after a row's last value are as many blanks as the
 * row lacks, or layout, and stay unread. Some pages instead open each row with a lone "|" ("0 |",
 * "|", "行政规范性文件 |"), found by a single lone pipe right before a row's label: there the pipes
 * between a value and the next label are the row's trailing blanks and then the opening pipe, and
 * no others are read (one between two values may open a row of values alone).
 */
function blankPipeLines(nodes: readonly DocumentNode[]): Set<number> | undefined {
  let opened = false;
  for (let n = 1; n < nodes.length && !opened; n += 1) {
    if (!lonePipe(nodes[n])) continue;
    const run = pipeRun(nodes, n);
    opened = run.end === n && run.before !== undefined && run.after !== undefined && !valueLine(run.after);
    n = run.end;
  }
  let blanks: Set<number> | undefined;
  for (let n = 1; n < nodes.length; n += 1) {
    if (!lonePipe(nodes[n])) continue;
    const run = pipeRun(nodes, n);
    const [from, to] = blankSpan(run, n, opened);
    for (let i = from; i <= to; i += 1) (blanks ??= new Set()).add(i);
    n = run.end;
  }
  return blanks;
}

/** The nodes of a run of lone pipes from node n that are blank cells, first to last (none when to < from). */
function blankSpan(run: ReturnType<typeof pipeRun>, n: number, opened: boolean): [number, number] {
  if (run.before === undefined || run.after === undefined) return [0, -1];
  if (!opened) return valueLine(run.after) ? [n, run.end] : [0, -1];
  return valueLine(run.before) && !valueLine(run.after) ? [n, run.end - 1] : [0, -1];
}

/** Whether a node is a line of a lone pipe (tested without trimming every line of the text). */
function lonePipe(node: DocumentNode | undefined): boolean {
  return node?.kind === 'line' && node.text.length < 8 && node.text.trim() === '|';
}

/** Turns the document's lines and tables into rows of cells, the one shape the reader walks. */
export function documentRows(document: ExtractedDocument): SourceRow[] {
  const { rows, traditional } = splitRows(document);
  // A page from a site's 繁体 mirror is read in simplified characters throughout.
  if (!traditional) return rows;
  return rows.map((row) => ({
    ...row,
    cells: row.cells.map((cell) => ({ ...cell, text: toSimplifiedText(cell.text) })),
  }));
}

/** Rows after the first TRADITIONAL_ROWS do not decide the script. */
const TRADITIONAL_ROWS = 400;

/**
 * The rows, and whether one of the first TRADITIONAL_ROWS shows a traditional character. A row
 * split from a line of text is tested as that line, once: the pipes, tabs and spaces between its
 * cells are none.
 */
function splitRows(document: ExtractedDocument): { rows: SourceRow[]; traditional: boolean } {
  const rows: SourceRow[] = [];
  let traditional = false;
  const { nodes } = document;
  const blankPipes = blankPipeLines(nodes);
  for (let n = 0; n < nodes.length; n += 1) {
    const node = nodes[n] as DocumentNode;
    if (node.kind === 'table') {
      for (const row of tableRows(node)) {
        if (!traditional && rows.length < TRADITIONAL_ROWS)
          traditional = row.cells.some((cell) => isTraditional(cell.text));
        rows.push(row);
      }
      continue;
    }
    const { at } = node;
    if (blankPipes?.has(n)) {
      rows.push({ cells: [{ text: '', at }], grid: false });
      continue;
    }
    let trimmed = unmark(node.text.trim());
    const blanks = blankCellLines(nodes, n, trimmed);
    if (blanks) {
      trimmed = blanks.text;
      n = blanks.last;
    }
    // Lone pipes between cells (text copied out of a web table) and Markdown rules only separate.
    if (trimmed === '' || separatorOnly(trimmed)) continue;
    if (!traditional && rows.length < TRADITIONAL_ROWS)
      traditional =
        node.fragments && node.fragments.length > 1
          ? node.fragments.some((f) => isTraditional(f.text))
          : isTraditional(trimmed);
    const pipes = trimmed.includes('|') ? splitPipes(trimmed) : undefined;
    let commas: string[] | undefined;
    if (node.fragments && node.fragments.length > 1) {
      rows.push({ cells: node.fragments.map((f) => ({ text: f.text.trim(), at })), grid: true });
    } else if (pipes && pipes.length > 1) {
      rows.push({ cells: cellsOf(pipes, at, true), grid: true });
    } else if (pipes) {
      // One cell a line, framed by a pipe ("规章 |", "| 0"): a web table copied cell by cell.
      rows.push({ cells: [{ text: pipes[0] as string, at }], grid: false });
    } else if (trimmed.includes('\t')) {
      rows.push({ cells: cellsOf(trimmed.split('\t'), at), grid: true });
    } else if ((commas = commaCells(trimmed))) {
      rows.push({ cells: commas.map((cell) => ({ text: cell, at })), grid: true });
    } else if (NUMBER_RUN.test(trimmed) && trimmed.split(/\s+/).every((part) => readCell(part).kind === 'number')) {
      rows.push({ cells: trimmed.split(/\s+/).map((cell) => ({ text: cell, at })), grid: true });
    } else {
      rows.push({ cells: [{ text: trimmed, at }], grid: false });
    }
  }
  return { rows, traditional };
}
