import { CELLS, type ReportFormat } from '../../model/cells.js';
import { tableCellIds } from '../../model/cells.js';
import type { ParserFinding, TableReading } from '../rows-to-cells.js';
import type { SourceRow } from '../rows.js';
import { alignDocument, type Alignment, type PlacedBy } from './index.js';

/** How sure the reader is of a value the aligner placed, and how it placed it. */
export interface Placement {
  readonly confidence: number;
  readonly placedBy: PlacedBy;
}

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
  return TABLES.some((table) => readCount(tables, table) < tableCellIds(table, format).length);
}

/** The tables the aligner may complete: those the labels left empty, and those it reads alike where both read. */
function tablesToFill(tables: TableReading, aligned: Alignment, format: ReportFormat): TableId[] {
  return TABLES.filter((table) => {
    if (aligned.rowsFound[table] < LEAST_ROWS[table]) return false;
    let shared = 0;
    let alike = 0;
    for (const [id, value] of aligned.values) {
      const read = tables.values.get(id);
      if (!id.startsWith(`${table}.`) || !read) continue;
      shared += 1;
      if (read.value === value.value) alike += 1;
    }
    if (shared === 0) return readCount(tables, table) === 0;
    const least = Math.min(7, Math.ceil(tableCellIds(table, format).length / 2));
    return shared >= least && alike / shared >= LEAST_AGREEMENT;
  });
}

/**
 * The label reading completed by the aligner where it left cells unread (a crawler's text whose
 * rows run together, damaged labels, headers apart from their cells): the aligner's values fill
 * the cells the labels did not read, and never replace one they did.
 */
export function withAlignment(
  tables: TableReading,
  rows: readonly SourceRow[],
  hint: ReportFormat | undefined,
  fullText: string,
  plainText: boolean,
): { tables: TableReading; placements: Record<string, Placement> } {
  const placements: Record<string, Placement> = {};
  const format = tables.s2Format ?? hint ?? '2021';
  // Plain text loses a table's layout in many ways; a page, a Word file or a PDF keeps its tables, and
  // the aligner only reads those whose tables were all lost (a PDF printed as bare lines of text).
  const needed = plainText ? incomplete(tables, format) : TABLES.every((table) => readCount(tables, table) === 0);
  if (!needed) return { tables, placements };
  const aligned = alignDocument(rows, tables.s2Format ?? hint, fullText, {
    ...(tables.s2Format ? { format: tables.s2Format } : {}),
    subRows: tables.otherSubRows,
  });
  if (!aligned) return { tables, placements };
  const taken = tablesToFill(tables, aligned, aligned.format);
  if (taken.length === 0) return { tables, placements };
  const inTaken = (id: string): boolean => taken.some((table) => id.startsWith(`${table}.`));
  const values = new Map(tables.values);
  const filled = new Set<string>();
  for (const [id, value] of aligned.values) {
    if (!inTaken(id) || values.has(id) || !CELLS.has(id)) continue;
    values.set(id, { value: value.value, source: value.source });
    placements[id] = { confidence: value.confidence, placedBy: value.placedBy };
    filled.add(id);
  }
  // The labels' findings on cells now filled no longer hold; the aligner's on open cells do.
  const findings: ParserFinding[] = tables.findings
    .map((finding) => ({ ...finding, cells: finding.cells.filter((id) => !filled.has(id)) }))
    .filter((finding) => finding.rule !== 'row-incomplete' || finding.cells.length > 0);
  findings.push(...aligned.findings.filter((finding) => finding.cells.some(inTaken)));
  const filledS2 = [...filled].some((id) => id.startsWith('s2.'));
  const filledS3 = [...filled].some((id) => id.startsWith('s3.'));
  return {
    tables: {
      ...tables,
      values,
      findings,
      s2Format: tables.s2Format ?? (filledS2 || filledS3 ? aligned.format : undefined),
      otherSubRows: tables.otherSubRows || (filledS3 && aligned.other === 'subRows'),
    },
    placements,
  };
}
