import type { OtherRowLayout, ReportFormat } from '../../model/cells.js';
import { S3_COLUMNS, tableCellIds } from '../../model/cells.js';
import type { TableReading } from '../rows-to-cells.js';
import type { SourceRow } from '../rows.js';
import type { ParserFinding } from '../readings.js';
import { brokenChecks, correctBySums } from './correct.js';
import { alignDocument, type Alignment, type Placement } from './index.js';
import { fillFromNotes } from './notes.js';
import { keyedObject } from '../keyed.js';

export type { Placement } from './index.js';

type TableId = 's2' | 's3' | 's4';
const TABLES: readonly TableId[] = ['s2', 's3', 's4'];

/** Fewest rows a table must show to be taken: a few labels followed by numbers in prose are no table. */
const LEAST_ROWS: Record<TableId, number> = { s2: 3, s3: 5, s4: 1 };
/** Share of the cells both readings hold on which they must agree before the aligner fills the others. */
const LEAST_AGREEMENT = 0.9;

const PREFIX: Record<TableId, string> = { s2: 's2.', s3: 's3.', s4: 's4.' };

function readCount(tables: TableReading, table: TableId): number {
  const prefix = PREFIX[table];
  let count = 0;
  for (const id of tables.values.keys()) if (id.startsWith(prefix)) count += 1;
  return count;
}

/** Whether the label reading leaves cells of the format's tables unread. */
function incomplete(tables: TableReading, format: ReportFormat): boolean {
  // The values counted by table in one pass: this runs for every text.
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (const id of tables.values.keys()) {
    if (id.startsWith(PREFIX.s2)) s2 += 1;
    else if (id.startsWith(PREFIX.s3)) s3 += 1;
    else if (id.startsWith(PREFIX.s4)) s4 += 1;
  }
  const read: Record<TableId, number> = { s2, s3, s4 };
  return TABLES.some((table) => read[table] < tableCellIds(table, format).length);
}

const S3_TOTAL = '.total';
const S3_WIDTH = S3_COLUMNS.length;

/**
 * Whether every row of section 三 the aligner placed is whole and adds up: seven figures whose
 * first six make the seventh ("一、本年新收政府信息公开申请数量0000000", "四、结转下年度继续办理 0 0 0 0
 * 0 0 0"). Such rows are a table's even when a page's excerpt keeps fewer of them than LEAST_ROWS:
 * prose states a count, not seven that add up.
 */
function wholeS3Rows(aligned: Alignment): boolean {
  const rows = new Map<string, { cells: number; six: number; total?: number }>();
  for (const [id, { value }] of aligned.values) {
    if (!id.startsWith(PREFIX.s3)) continue;
    if (value === null) return false;
    const key = id.slice(0, id.lastIndexOf('.'));
    const row = rows.get(key) ?? { cells: 0, six: 0 };
    row.cells += 1;
    if (id.endsWith(S3_TOTAL)) row.total = value;
    else row.six += value;
    rows.set(key, row);
  }
  if (rows.size === 0) return false;
  for (const row of rows.values()) if (row.cells !== S3_WIDTH || row.total !== row.six) return false;
  return true;
}

/** The index in TABLES of the table a cell ID is of; -1 for none. */
function tableIndex(id: string): number {
  if (id.startsWith(PREFIX.s2)) return 0;
  if (id.startsWith(PREFIX.s3)) return 1;
  return id.startsWith(PREFIX.s4) ? 2 : -1;
}

/** The tables the aligner may complete: those the labels left empty, and those it reads alike where both read. */
function tablesToFill(tables: TableReading, aligned: Alignment, format: ReportFormat): TableId[] {
  // The cells both readings hold, and those they read alike, by table: counted in one pass over
  // the aligner's some two hundred values, not one a table.
  const shared = [0, 0, 0];
  const alike = [0, 0, 0];
  for (const [id, value] of aligned.values) {
    const t = tableIndex(id);
    if (t < 0) continue;
    const read = tables.values.get(id);
    if (!read) continue;
    shared[t] = (shared[t] as number) + 1;
    if (read.value === value.value) alike[t] = (alike[t] as number) + 1;
  }
  return TABLES.filter((table, t) => {
    if (aligned.rowsFound[table] < LEAST_ROWS[table] && !(table === 's3' && wholeS3Rows(aligned))) return false;
    const both = shared[t] as number;
    if (both === 0) return readCount(tables, table) === 0;
    const least = Math.min(7, Math.ceil(tableCellIds(table, format).length / 2));
    return both >= least && (alike[t] as number) / both >= LEAST_AGREEMENT;
  });
}

/** How section 三 prints (六), as the reading shows it. */
function otherLayout(tables: TableReading): OtherRowLayout {
  if (tables.otherSubRows) return 'subRows';
  for (const id of tables.values.keys()) if (id.startsWith('s3.other.')) return 'subRows';
  return 'single';
}

/** The aligner's values in the cells the label reading left unread, in the tables it may fill (`placements` empty until then). */
function fillUnread(tables: TableReading, aligned: Alignment, placements: Record<string, Placement>): TableReading {
  const taken = tablesToFill(tables, aligned, aligned.format);
  const headed = aligned.headed ?? new Set<string>();
  if (taken.length === 0 && headed.size === 0) return tables;
  // By table index (tableIndex): one look at an ID's prefix for each of some two hundred values.
  const takenAt = TABLES.map((table) => taken.includes(table));
  const inTaken = (id: string, table = tableIndex(id)): boolean =>
    (table >= 0 && takenAt[table] === true) || headed.has(id);
  const values = new Map(tables.values);
  // The placements start empty (withAlignment): the cells filled are those placed here, asked of
  // them rather than kept again in a set of some two hundred IDs.
  const filled = { has: (id: string): boolean => placements[id] !== undefined };
  let filledS2 = false;
  let filledS3 = false;
  for (const [id, value] of aligned.values) {
    // Every ID the aligner places is a template row's, and every one of those is a catalogue cell
    // (template-ids.test.ts): no lookup in the catalogue for each of some two hundred values.
    const table = tableIndex(id);
    if (!inTaken(id, table) || values.has(id) || tables.unplaceable?.has(id)) continue;
    // The aligner's value itself: its confidence goes to the placements, and no reader of the values looks past value and source.
    values.set(id, value);
    placements[id] = { confidence: value.confidence, placedBy: value.placedBy };
    if (table === 0) filledS2 = true;
    else if (table === 1) filledS3 = true;
  }
  return {
    ...tables,
    values,
    findings: [
      ...withoutCells(tables.findings, filled),
      // A reading chosen by plausibility is only news for the cells the aligner filled.
      ...aligned.findings
        .map((finding) =>
          finding.rule === 'split-plausible'
            ? { ...finding, cells: finding.cells.filter((id) => filled.has(id)) }
            : finding,
        )
        .filter((finding) => finding.cells.some((id) => inTaken(id))),
    ],
    s2Format: tables.s2Format ?? (filledS2 || filledS3 ? aligned.format : undefined),
    otherSubRows: tables.otherSubRows || (filledS3 && aligned.other === 'subRows'),
  };
}

/** Findings that only say what became of some cells: with none left to name, they go. */
const ABOUT_CELLS = new Set(['row-incomplete', 'collapsed-row', 'split-ambiguous', 'cell-unreadable']);

/** The findings with the cells now read otherwise taken out. */
function withoutCells(findings: readonly ParserFinding[], cells: { has(id: string): boolean }): ParserFinding[] {
  return findings
    .map((finding) => ({ ...finding, cells: finding.cells.filter((id) => !cells.has(id)) }))
    .filter((finding) => !ABOUT_CELLS.has(finding.rule) || finding.cells.length > 0);
}

/**
 * The label reading completed and checked by the aligner. Where the labels left cells unread (a
 * crawler's text whose rows run together, damaged labels, headers apart from their cells), the
 * aligner's values fill them. Where the labels read a table whose sums fail, the aligner's reading
 * of the same numbers replaces the rows it reads so that the sums hold (align/correct.ts).
 */
export function withAlignment(
  tables: TableReading,
  rows: readonly SourceRow[],
  hint: ReportFormat | undefined,
  fullText: string,
  plainText: boolean,
  year?: number,
): { tables: TableReading; placements?: Record<string, Placement> } {
  // Some two hundred keys when the aligner fills a table: a dictionary from the start (keyed.ts).
  const placements: Record<string, Placement> = keyedObject();
  const format = tables.s2Format ?? hint ?? '2021';
  // Plain text loses a table's layout in many ways; a page, a Word file or a PDF keeps its tables, and
  // the aligner only reads those whose tables were all lost (a PDF printed as bare lines of text) or
  // whose sums fail.
  const fill = plainText ? incomplete(tables, format) : TABLES.every((table) => readCount(tables, table) === 0);
  const layout = otherLayout(tables);
  const brokenNow = brokenChecks(tables.values, format, layout);
  const broken = brokenNow.length > 0;
  const aligned =
    fill || broken
      ? alignDocument(rows, tables.s2Format ?? hint, fullText, {
          ...(tables.s2Format ? { format: tables.s2Format } : {}),
          subRows: tables.otherSubRows,
          ...(year === undefined ? {} : { year }),
        })
      : undefined;
  const filled = fill && aligned ? fillUnread(tables, aligned, placements) : tables;
  // Nothing filled: the same values under the same sums, whose broken checks are known.
  const unchanged = filled === tables;
  const checked = correctBySums(
    filled.values,
    tables.findings,
    aligned,
    filled.s2Format ?? format,
    unchanged ? layout : otherLayout(filled),
    unchanged ? brokenNow : undefined,
  );
  const corrected = new Set(
    checked.findings.filter((finding) => finding.rule === 'corrected-by-sums').flatMap((finding) => finding.cells),
  );
  const corrections = Object.entries(checked.placements);
  for (const [id, placement] of corrections) {
    placements[id] = placements[id] && placement.placedBy !== 'sum' ? lessSure(placements[id], placement) : placement;
  }
  const noted = fillFromNotes(checked.values, rows, filled.firstRow.s2, filled.s2Format ?? format, year);
  Object.assign(placements, noted.placements);
  // Whether any value was placed, without listing the keys of a dictionary (V8 sorts them to list them).
  // The filling adds a value for each placement it makes.
  const placed =
    filled.values.size > tables.values.size || corrections.length > 0 || Object.keys(noted.placements).length > 0;
  const changed = new Set([...corrected, ...noted.findings.flatMap((finding) => finding.cells)]);
  return {
    tables: {
      ...filled,
      values: noted.values,
      findings: [
        ...withoutCells(filled.findings, changed),
        // The aligner's finding on a row left open may be there already, from the filling.
        ...checked.findings.filter((finding) => !filled.findings.some((had) => had.message === finding.message)),
        ...noted.findings,
      ],
    },
    ...(placed ? { placements } : {}),
  };
}

function lessSure(a: Placement, b: Placement): Placement {
  return a.confidence <= b.confidence ? a : { ...a, confidence: b.confidence };
}
