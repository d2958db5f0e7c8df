import type { Source } from '../../model/schema.js';
import { isTrimmed, ocrDigits } from '../normalise.js';
import type { SourceCell, SourceRow } from '../rows.js';
import { runPieces, type DigitRun } from './split.js';

/*
 * The document as one stream of text, whatever its layout: a crawler's single line, one cell
 * per line, pipe or tab rows, table cells. Cell and line boundaries become spaces, which the
 * splitter takes as boundaries between cells for sure.
 */

/** A run of numbers in the stream with the text printed before it (its label, if any). */
export interface Candidate {
  /** The text between the previous run and this one, NFKC, at most the last 120 characters. */
  readonly before: string;
  readonly run: DigitRun;
  /** The run as printed. */
  readonly raw: string;
  /** Where the run starts. */
  readonly source: Source;
}

interface Span {
  readonly start: number;
  readonly cell: SourceCell;
}

/** A run of numbers: "+" too, as reports print a rise in 本年增/减 ("+43"; the form asks "-8" for a fall). */
const RUN = /[-+]?\d+(?:\.\d+)?(?:[\s|\u00a0\u3000]*[-+]?\d+(?:\.\d+)?)*/g;

/** Where a run stands, its keys in the order a spread of each would give (no object made for each key). */
function sourceOf(cell: SourceCell, text: string): Source {
  const { page, line, table, row, column } = cell.at;
  const source: { -readonly [K in keyof Source]: Source[K] } = { text };
  if (page !== undefined) source.page = page;
  if (line !== undefined) source.line = line;
  if (table !== undefined) source.table = table;
  if (row !== undefined) source.row = row;
  if (column !== undefined) source.column = column;
  return source;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * The text without its thousands separators, as `replace(/(?<=\d),(?=\d{3}(?!\d))/g, '')` gives it:
 * by hand, as after NFKC every "，" of a crawler's one-line body is a "," the expression stops at.
 */
export function withoutThousands(text: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(','); at !== -1; at = text.indexOf(',', at + 1)) {
    const grouped =
      isDigit(text.charCodeAt(at - 1)) &&
      isDigit(text.charCodeAt(at + 1)) &&
      isDigit(text.charCodeAt(at + 2)) &&
      isDigit(text.charCodeAt(at + 3)) &&
      !isDigit(text.charCodeAt(at + 4));
    if (!grouped) continue;
    out += text.slice(from, at);
    from = at + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * A column a transcriber named by its place ("数据1", "第3列", "列12"), not by the report's
 * header: its figure counts columns and is never a value of the table.
 */
const COLUMN_NAME = /^(?:数据|数值|列|栏|第)\s*\d{1,2}\s*(?:列|栏)?$/;

function joinRows(rows: readonly SourceRow[]): { text: string; spans: Span[] } {
  const parts: string[] = [];
  const spans: Span[] = [];
  let length = 0;
  for (const row of rows) {
    for (const cell of row.cells) {
      // Thousands separators ("3,119") would read as two cells.
      const form = ocrDigits(cell.text.trim().normalize('NFKC'));
      const text = COLUMN_NAME.test(form) ? form.replace(/\d/g, '') : withoutThousands(form);
      spans.push({ start: length, cell });
      parts.push(text, ' ');
      length += text.length + 1;
    }
    parts.push('\n');
    length += 1;
  }
  return { text: parts.join(''), spans };
}

function cellAt(spans: readonly Span[], offset: number): SourceCell | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((spans[mid] as Span).start <= offset) low = mid;
    else high = mid - 1;
  }
  return spans[low]?.cell;
}

/** Characters of text kept before a run: its label, a note, and section 四's headers. */
const WINDOW = 120;
/** How far back a long text is looked at for them (headers printed a character a line take three each). */
const LOOK_BACK = 6 * WINDOW;

/**
 * The last WINDOW characters of the text before a run. Where that text is longer, its spaces and
 * line ends go first (the labels are compared without them): a table whose headers a PDF tool
 * printed a character a line ("行\n政\n复\n议", turned or stacked headers) keeps its words.
 */
function labelWindow(between: string): string {
  if (between.length <= WINDOW) return between;
  return between
    .slice(-LOOK_BACK)
    .replace(/[\s\u3000\u00a0]+/g, '')
    .slice(-WINDOW);
}

/**
 * Whether the text after a run opens with a numbering's mark and a word ("、其他", ".属于"), as
 * /^[.、．][^\d\s]/ tells it: by hand, as it is asked after every run (by-hand.test.ts).
 */
export function numberingAfter(after: string): boolean {
  const mark = after.charCodeAt(0);
  if (mark !== 0x2e /* . */ && mark !== 0x3001 /* 、 */ && mark !== 0xff0e /* ． */) return false;
  const next = after.charCodeAt(1);
  return after.length > 1 && !isDigit(next) && !isTrimmed(next);
}

/**
 * The runs of numbers of the document in order, each with the text before it. The numbering
 * of a label ("2.其他法律…") sticks to the previous run in a crawler's text ("00000002.其他"):
 * a run followed by "." or "、" and a word gives its last digit back to the label.
 */
export function streamCandidates(rows: readonly SourceRow[]): Candidate[] {
  const { text, spans } = joinRows(rows);
  const found: { start: number; end: number; raw: string }[] = [];
  for (const match of text.matchAll(RUN)) {
    found.push({ start: match.index, end: match.index + match[0].length, raw: match[0] });
  }
  const out: Candidate[] = [];
  let carried = '';
  let previousEnd = 0;
  found.forEach((run, i) => {
    let raw = run.raw;
    const next = found[i + 1];
    const after = text.slice(run.end, Math.min(run.end + 3, next?.start ?? text.length));
    let numbering = '';
    if (numberingAfter(after) && isDigit(raw.charCodeAt(raw.length - 1))) {
      numbering = raw.slice(-1);
      raw = raw.slice(0, -1).trimEnd();
    }
    const before = labelWindow(carried + text.slice(previousEnd, run.start));
    carried = numbering;
    previousEnd = run.end;
    if (raw === '' || raw === '-' || raw === '+') return;
    const cell = cellAt(spans, run.start);
    if (!cell) return;
    out.push({ before, run: { pieces: runPieces(raw) }, raw, source: sourceOf(cell, raw.trim()) });
  });
  return out;
}
