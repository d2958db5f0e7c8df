import { displayValue, reportView } from '../layout/report-view.js';
import { layoutGrid, type LayoutTable } from '../layout/tables.js';
import type { ProseSection, Report } from '../model/schema.js';

/**
 * The three layouts in which report text is found in the wild (and in the seeds):
 * - `lines`: one cell per line, tab-indented, a blank line between table rows (text copied out of Word);
 * - `pipe`: a row per line, cells between pipes, merged cells left as empty cells;
 * - `tab`: a row per line, cells separated by tabs, merged cells as empty cells.
 */
export type TextLayout = 'lines' | 'pipe' | 'tab';

function tableRows(report: Report, table: LayoutTable): string[][] {
  return layoutGrid(table).map((row) =>
    row.map((slot) => {
      if (slot.kind === 'covered') return '';
      return slot.cell.cellId !== undefined ? displayValue(report, slot.cell.cellId) : (slot.cell.text ?? '');
    }),
  );
}

const TABLE_WRITERS: Record<TextLayout, (rows: string[][]) => string> = {
  lines: (rows) =>
    rows
      .map((row) =>
        row
          .filter((cell) => cell !== '')
          .map((cell) => `\t${cell}`)
          .join('\n'),
      )
      .join('\n\n'),
  pipe: (rows) => rows.map((row) => `${row.join(' | ')} |`).join('\n'),
  tab: (rows) => rows.map((row) => row.join('\t')).join('\n'),
};

function prose(section: ProseSection): string {
  return [...section.paragraphs, ...section.subsections.flatMap((sub) => [sub.heading, ...sub.paragraphs])].join(
    '\n\n',
  );
}

/** The report as plain text in one of the layouts published text comes in. */
export function renderText(report: Report, layout: TextLayout): string {
  const view = reportView(report);
  const parts = [view.title];
  for (const block of view.blocks) {
    parts.push(block.title);
    if (block.kind === 'prose') parts.push(prose(block.section));
    else if (block.table) parts.push(TABLE_WRITERS[layout](tableRows(report, block.table)));
  }
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}
