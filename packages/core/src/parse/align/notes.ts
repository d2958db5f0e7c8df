import { S2_BLOCKS, cellName, type ReportFormat } from '../../model/cells.js';
import type { ParserFinding, ReadValue } from '../readings.js';
import type { SourceRow } from '../rows.js';
import type { Placement } from './index.js';

/*
 * Values printed beside or below the section 二 table instead of in it: "本年废止件数 22（其中修订
 * 16件）", "本年新制作 62 件". A cell the table leaves blank or the reader could not read is filled
 * from such a note only when the note names the cell's own column, in the table's words, with
 * the number right after them, names no other kind of document and no other year, and leaves
 * no doubt which row it means. Anything else — a figure of last year, of another kind, two
 * notes that disagree — leaves the cell as it was.
 */

/** The confidence of a value taken from a note outside the table. */
const FROM_NOTE = 0.7;
/** Rows before the table's first label and after it that count as "beside or below" the table. */
const BEFORE = 5;
const AFTER = 60;

/** The block of section 二 whose cells notes state: 规章 and 行政规范性文件. */
const DOCUMENT_ROWS: Record<string, readonly string[]> = { regulations: ['规章'], normativeDocs: ['规范性文件'] };

/** The words a note may name a column by: its header, and the header without 件数/数量. */
function columnWords(format: ReportFormat): { key: string; words: string[] }[] {
  const block = S2_BLOCKS[format][0];
  return (block?.rows[0]?.columns ?? []).map((column) => ({
    key: column.key,
    words: [column.label, column.label.replace(/(?:件数|数量)$/, '')].filter((word) => word.length >= 4),
  }));
}

const NUMBER_AFTER = '[：:\\t \\u3000]*(\\d+)[\\t \\u3000]*(件|个)?';

/** Each column's note pattern, made once per format: every report with a section 二 looks for notes. */
const COLUMN_PATTERNS: Record<ReportFormat, readonly { key: string; pattern: RegExp }[]> = {
  '2019': columnPatterns('2019'),
  '2021': columnPatterns('2021'),
};

function columnPatterns(format: ReportFormat): { key: string; pattern: RegExp }[] {
  return columnWords(format).map(({ key, words }) => ({
    key,
    pattern: new RegExp(`(?:${words.join('|')})${NUMBER_AFTER}`, 'g'),
  }));
}

/** The cells a note may fill: the two document rows' cells of the columns notes name. */
const NOTED_IDS: Record<ReportFormat, readonly string[]> = {
  '2019': notedIds('2019'),
  '2021': notedIds('2021'),
};

function notedIds(format: ReportFormat): string[] {
  return Object.keys(DOCUMENT_ROWS).flatMap((row) => columnWords(format).map(({ key }) => `s2.${row}.${key}`));
}

/** A note stating a column's value, with the clause before it (where a row, a year or a kind would be named). */
interface Note {
  readonly column: string;
  readonly value: number;
  readonly clause: string;
  readonly text: string;
}

/** After the number and its unit: the end, punctuation or a bracket; a noun would make it a count of something else. */
const ENDS = /^(?:$|[\s，。；;、,.（(）)])/;

function notesIn(text: string, format: ReportFormat): Note[] {
  const out: Note[] = [];
  for (const { key, pattern } of COLUMN_PATTERNS[format]) {
    for (const match of text.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (!ENDS.test(text.slice(end, end + 1))) continue;
      const start = Math.max(
        text.lastIndexOf('。', match.index),
        text.lastIndexOf('；', match.index),
        text.lastIndexOf('\n', match.index),
      );
      out.push({
        column: key,
        value: Number(match[1]),
        clause: text.slice(start + 1, match.index),
        text: match[0].trim(),
      });
    }
  }
  return out;
}

const OTHER_YEAR = /上年|上一年|去年|前年|同比|较/;

/** The row a note's clause names, '' when it names none, undefined when it speaks of a year or a kind other than the table's. */
function rowNamed(clause: string, year: number | undefined): string | undefined {
  if (OTHER_YEAR.test(clause)) return undefined;
  for (const match of clause.matchAll(/(\d{4})\s*年/g)) if (Number(match[1]) !== year) return undefined;
  const rest = clause.replace(/\d{4}\s*年度?/g, '').replace(/[\s，,：:、（）()]/g, '');
  const named = Object.entries(DOCUMENT_ROWS).filter(([, forms]) => forms.some((form) => rest.includes(form)));
  if (named.length === 1) return (named[0] as [string, readonly string[]])[0];
  // A clause naming nothing but filler ("其中", "注") leaves the row to the table; any other word is another kind.
  return named.length === 0 && /^(?:其中|注|另|此外|备注)?$/.test(rest) ? '' : undefined;
}

export interface NotesOutcome {
  readonly values: Map<string, ReadValue>;
  readonly placements: Record<string, Placement>;
  readonly findings: ParserFinding[];
}

/** Section 二's blank or unread cells filled from notes beside the table, where a note decides them. */
export function fillFromNotes(
  /** The reading so far; given back as it is (not copied) when no note fills a cell. */
  values: Map<string, ReadValue>,
  rows: readonly SourceRow[],
  firstRow: number | undefined,
  format: ReportFormat,
  year: number | undefined,
): NotesOutcome {
  const placements: Record<string, Placement> = {};
  const findings: ParserFinding[] = [];
  const isOpen = (id: string): boolean => (values.get(id)?.value ?? null) === null;
  // A note only fills an open cell: with none open (most reports), there is nothing to look for.
  if (firstRow === undefined || !NOTED_IDS[format].some(isOpen)) return { values, placements, findings };
  const out = new Map(values);
  const open = (id: string): boolean => (out.get(id)?.value ?? null) === null;
  // Each cell a line of its own, and a note never runs across lines: a header over its value is no note.
  const text = rows
    .slice(Math.max(0, firstRow - BEFORE), firstRow + AFTER)
    .flatMap((row) => row.cells.map((cell) => cell.text.normalize('NFKC')))
    .join('\n');
  const stated = new Map<string, Note[]>();
  for (const note of notesIn(text, format)) {
    const row = rowNamed(note.clause, year);
    if (row === undefined) continue;
    // A note naming no row means the one row whose cell of that column the table leaves open.
    const candidates = row ? [row] : Object.keys(DOCUMENT_ROWS).filter((key) => open(`s2.${key}.${note.column}`));
    if (candidates.length !== 1) continue;
    const id = `s2.${candidates[0]}.${note.column}`;
    stated.set(id, [...(stated.get(id) ?? []), note]);
  }
  for (const [id, notes] of stated) {
    if (!open(id) || new Set(notes.map((note) => note.value)).size !== 1) continue;
    const note = notes[0] as Note;
    out.set(id, { value: note.value, source: { text: note.text } });
    placements[id] = { confidence: FROM_NOTE, placedBy: 'prose' };
    findings.push({
      rule: 'value-from-note',
      severity: 'warning',
      message: `第二部分“${cellName(id)}”在表中空缺，取自表外文字“${note.text}”，请与原文核对`,
      cells: [id],
    });
  }
  return { values: out, placements, findings };
}
