import type { Source } from '../model/schema.js';
import type { SourceCell } from './rows.js';

/** A value read for one cell ID: a number, or null for a blank, with its source. */
export interface ReadValue {
  readonly value: number | null;
  readonly source: Source;
}

export interface ParserFinding {
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly cells: readonly string[];
}

/** The source of a value: its position and text. (Built field by field: it runs for every cell.) */
function source(cell: SourceCell): Source {
  const { page, line, table, row, column } = cell.at;
  const out: { -readonly [K in keyof Source]: Source[K] } = { text: cell.text };
  if (page !== undefined) out.page = page;
  if (line !== undefined) out.line = line;
  if (table !== undefined) out.table = table;
  if (row !== undefined) out.row = row;
  if (column !== undefined) out.column = column;
  return out;
}

/**
 * A value read from a cell. Its source is made from the cell on the first look: only the report's
 * provenance asks, and only when someone reads it (read.ts).
 */
export class CellValue implements ReadValue {
  private made: Source | undefined = undefined;
  constructor(
    readonly value: number | null,
    readonly cell: SourceCell,
  ) {}

  get source(): Source {
    return (this.made ??= source(this.cell));
  }
}
