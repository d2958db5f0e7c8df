/*
 * The text a browser gives for a table whose cells hold paragraphs (Word-exported pages:
 * `<td><p>821</p></td>`), as `innerText` and as copied to the clipboard: each cell on a line of
 * its own between blank lines, the tab that separates two cells on a line of its own, and an
 * empty cell (`&nbsp;`) as a line of a no-break space. Read line by line with blank lines dropped,
 * an empty cell vanishes and every value after it slides one column left. This puts each such
 * row back on one line, its cells between tabs, empty cells kept.
 */

/** A line of nothing but whitespace and at least one tab: the separator between two cells. */
const SEPARATOR = /^[^\S\n]*\t[^\S\n]*$/;

/** Separator lines a text must show before it is read this way (prose never has them). */
const MIN_SEPARATORS = 3;

export interface JoinedLine {
  readonly text: string;
  /** 1-based number of the line the text starts on. */
  readonly line: number;
  /** A row's cells, trailing empty ones included (a row's blank total is a cell of its own). */
  readonly cells?: readonly string[];
}

const blank = (line: string | undefined): boolean => line === '' || line === '\r';

/**
 * Whether a text holds table rows spread a cell per line with lone tabs between them. The
 * browser's separator stands between blank lines (the paragraphs' margins); a lone tab between two
 * lines of text is something else (an empty label cell of a row split from its values).
 */
export function hasCellSeparators(lines: readonly string[]): boolean {
  let found = 0;
  for (let i = 1; i < lines.length - 1; i += 1) {
    const line = lines[i] as string;
    // The blank neighbours first: a tab table's every line has a tab, few have blank lines around them.
    if (blank(lines[i - 1]) && blank(lines[i + 1]) && line.includes('\t') && SEPARATOR.test(line)) {
      found += 1;
      if (found >= MIN_SEPARATORS) return true;
    }
  }
  return false;
}

interface Row {
  readonly cells: string[];
  readonly line: number;
  /** The row's last separator ended its line: the next line is the row's next cell. */
  pending: boolean;
}

/**
 * The lines with each row spread over lines joined back into one line of tab-separated cells.
 * Lines of whitespace alone are dropped, except where they stand for an empty cell.
 */
export function joinCellLines(lines: readonly string[]): JoinedLine[] {
  const out: JoinedLine[] = [];
  let row: Row | undefined;
  // The last line of text, not yet written out: a row's first cell when a separator follows it.
  let plain: JoinedLine | undefined;
  const flush = (): void => {
    if (plain) out.push(plain);
    plain = undefined;
    if (row) out.push({ text: row.cells.join('\t'), line: row.line, cells: row.cells });
    row = undefined;
  };
  lines.forEach((raw, index) => {
    if (raw === '' || raw === '\r') return;
    if (!raw.includes('\t')) {
      if (row?.pending) {
        row.cells.push(raw.trim());
        row.pending = false;
      } else if (raw.trim() !== '') {
        flush();
        plain = { text: raw, line: index + 1 };
      }
      return;
    }
    const parts = raw.split('\t');
    const first = (parts[0] as string).trim();
    if (first !== '' || !row) {
      // A new row: its first cell is on this line, or it is the line of text just before.
      const start = first === '' && plain ? plain : { text: first, line: index + 1 };
      if (start === plain) plain = undefined;
      flush();
      row = { cells: [start.text.trim()], line: start.line, pending: false };
    } else if (row.pending) {
      row.cells.push('');
    }
    for (const part of parts.slice(1, -1)) row.cells.push(part.trim());
    const last = parts[parts.length - 1] as string;
    // A last part of spaces is an empty cell itself; an empty one leaves the cell to the next line.
    row.pending = last === '';
    if (!row.pending) row.cells.push(last.trim());
  });
  flush();
  return out;
}
