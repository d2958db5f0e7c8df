import type { ParsedReport } from '@xxgk/core';

/** One cell of a table in the source view (grid position counted from 0). */
export interface SourceViewCell {
  readonly text: string;
  readonly row: number;
  readonly column: number;
}

/** A line of text in the source view; `line` and `page` count from 1. */
export interface SourceViewLine {
  readonly kind: 'line';
  readonly text: string;
  readonly line?: number;
  readonly page?: number;
}

export interface SourceViewTable {
  readonly kind: 'table';
  readonly table: number;
  readonly page?: number;
  readonly cells: readonly SourceViewCell[];
}

/**
 * The extracted source of a file as the import page shows it beside the tables: the lines and
 * tables the extractor made of it, in reading order, each with the position the provenance of a
 * cell points to (page and line, or table, row and column), so a clicked cell finds its source.
 */
export interface SourceView {
  readonly kind: ParsedReport['source'];
  readonly complete: boolean;
  readonly nodes: readonly (SourceViewLine | SourceViewTable)[];
}

export function sourceView(parsed: ParsedReport): SourceView {
  const nodes = parsed.document.nodes.map((node): SourceViewLine | SourceViewTable => {
    if (node.kind === 'line') {
      return {
        kind: 'line',
        text: node.text,
        ...(node.at.line !== undefined ? { line: node.at.line } : {}),
        ...(node.at.page !== undefined ? { page: node.at.page } : {}),
      };
    }
    return {
      kind: 'table',
      table: node.at.table ?? 0,
      ...(node.at.page !== undefined ? { page: node.at.page } : {}),
      cells: node.rows.flat().map((cell) => ({ text: cell.text, row: cell.row, column: cell.column })),
    };
  });
  return { kind: parsed.source, complete: true, nodes };
}
