import type { ReportFormat } from '../../model/cells.js';
import type { TableReading } from '../rows-to-cells.js';
import type { SourceRow } from '../rows.js';
import { alignDocument, type PlacedBy } from './index.js';

/** How sure the reader is of a value the aligner placed, and how it placed it. */
export interface Placement {
  readonly confidence: number;
  readonly placedBy: PlacedBy;
}

/** A table the label reading left empty: no cell of it read. */
function lacksTable(tables: TableReading, table: 's2' | 's3' | 's4'): boolean {
  for (const id of tables.values.keys()) if (id.startsWith(`${table}.`)) return false;
  return true;
}

/**
 * The label reading completed by the aligner where it left a table empty (a crawler's text,
 * whose rows run together into lines the labels cannot split): the aligner's values fill the
 * cells the labels did not read, and never replace one they did.
 */
export function withAlignment(
  tables: TableReading,
  rows: readonly SourceRow[],
  hint: ReportFormat | undefined,
  fullText: string,
): { tables: TableReading; placements: Record<string, Placement> } {
  const placements: Record<string, Placement> = {};
  const empty = (['s2', 's3', 's4'] as const).filter((table) => lacksTable(tables, table));
  if (empty.length === 0) return { tables, placements };
  const aligned = alignDocument(rows, tables.s2Format ?? hint, fullText);
  if (!aligned) return { tables, placements };
  // Fewest rows a table must show to be taken: a few labels followed by numbers in prose are no table.
  const least = { s2: 3, s3: 5, s4: 1 };
  const taken = empty.filter((table) => aligned.rowsFound[table] >= least[table]);
  const values = new Map(tables.values);
  const findings = [...tables.findings];
  for (const [id, value] of aligned.values) {
    if (!taken.some((table) => id.startsWith(`${table}.`)) || values.has(id)) continue;
    values.set(id, { value: value.value, source: value.source });
    placements[id] = { confidence: value.confidence, placedBy: value.placedBy };
  }
  for (const finding of aligned.findings) {
    if (finding.cells.some((id) => taken.some((table) => id.startsWith(`${table}.`)))) findings.push(finding);
  }
  const filledS2 = taken.includes('s2') && [...values.keys()].some((id) => id.startsWith('s2.'));
  const filledS3 = taken.includes('s3') && [...values.keys()].some((id) => id.startsWith('s3.'));
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
