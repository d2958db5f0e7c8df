import type { Random } from '../../model/generate.js';
import type { Report } from '../../model/schema.js';
import { renderText } from '../../render/text.js';

/*
 * Damage as the world does it to a report's text, made from a rendered report so the truth is
 * known: the reader is measured on it (tests, bench/damage.js). Each kind is one way a table
 * loses its layout on the way from the organ's file to the text a reader gets.
 */

export const DAMAGE_KINDS = [
  'crawler',
  'copyPaste',
  'labels',
  'splitHeaders',
  'ocr',
  'joinCells',
  'dropCell',
  'pipeCells',
  'transcript',
  'detached',
] as const;
/**
 * - `crawler`: a page's `textContent`: the body on one line, a row's cells run together, now and
 *   then a space between two cells;
 * - `copyPaste`: text copied from a browser: a cell per line, some rows on one line with `|` or
 *   tabs, blank lines here and there, empty cells missing;
 * - `labels`: row labels with a character dropped or two swapped;
 * - `splitHeaders`: each row's label on one line, its values on the next;
 * - `ocr`: a scan read by OCR: 0 read as O, 1 as l, 十 as +;
 * - `joinCells`: in one or two table rows the boundary between two cells is lost ("71\t3" becomes
 *   "713"), so the row reads one value short and its values after the join one column left;
 * - `dropCell`: one table row prints one cell fewer (a blank the organ left out), its values
 *   after it one column to the left;
 * - `pipeCells`: a page's text as a reader mode or a search engine's snapshot gives it: each
 *   table cell on a line of its own closed by " |", each row opened by a line "|", now and then
 *   a run of pipes ("|||") for a row of empty header cells, empty cells missing;
 * - `transcript`: a table transcribed to Markdown (by a person or a language model): the header
 *   rows of sections 三 and 四 relabelled "数据1 … 数据N" (or dropped), a row's label parts
 *   joined into its first cell ("（三）不予公开 1.属于国家秘密");
 * - `detached`: a PDF's text taken column by column: each table's labels first, one a line,
 *   then its rows of values, so that no value stands beside its label.
 */
export type DamageKind = (typeof DAMAGE_KINDS)[number];

interface Line {
  readonly cells: string[];
  readonly table: boolean;
}

/** The report as tab text, each line with its cells: a line with tabs is a table row. */
function tabLines(report: Report): Line[] {
  return renderText(report, 'tab')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ cells: line.split('\t'), table: line.includes('\t') }));
}

const isValue = (cell: string): boolean => /^-?\d/.test(cell.trim());

function crawler(lines: readonly Line[], random: Random): string {
  const [title, ...body] = lines;
  const text = body
    .map((line) =>
      line.table
        ? line.cells
            .filter((cell) => cell !== '')
            .map((cell, i) => (i > 0 && random() < 0.1 ? ` ${cell}` : cell))
            .join('')
        : line.cells.join(''),
    )
    .join('');
  return `${title?.cells.join('') ?? ''}\n${text}\n`;
}

function copyPaste(lines: readonly Line[], random: Random): string {
  const out: string[] = [];
  for (const line of lines) {
    const cells = line.cells.filter((cell) => cell.trim() !== '');
    if (!line.table || random() < 0.15) {
      out.push(cells.join(random() < 0.5 ? ' | ' : '\t'));
    } else {
      for (const cell of cells) {
        out.push(cell);
        if (random() < 0.1) out.push('');
      }
    }
    if (random() < 0.3) out.push('');
  }
  return `${out.join('\n')}\n`;
}

function pipeCells(lines: readonly Line[], random: Random): string {
  const out: string[] = [];
  for (const line of lines) {
    if (!line.table) {
      out.push(line.cells.join(''));
      continue;
    }
    out.push(random() < 0.1 ? '|||' : '|');
    const cells = line.cells.filter((cell) => cell.trim() !== '');
    // The row's last cell now and then without its pipe, as such snapshots print it.
    cells.forEach((cell, i) => out.push(i === cells.length - 1 && random() < 0.2 ? cell : `${cell} |`));
  }
  return `${out.join('\n')}\n`;
}

function detached(lines: readonly Line[]): string {
  const out: string[] = [];
  let labels: string[] = [];
  let values: string[] = [];
  const flush = (): void => {
    out.push(...labels, ...values);
    labels = [];
    values = [];
  };
  for (const line of lines) {
    if (!line.table) {
      flush();
      out.push(line.cells.join(''));
      continue;
    }
    const first = line.cells.findIndex(isNumber);
    const head = first < 0 ? line.cells : line.cells.slice(0, first);
    labels.push(...head.filter((cell) => cell.trim() !== ''));
    if (first >= 0) values.push(line.cells.slice(first).join('\t'));
  }
  flush();
  return `${out.join('\n')}\n`;
}

/** A Markdown row: "| a | b |". */
const markdownRow = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/** The header a transcriber writes over N columns of values whose names it did not keep. */
function relabelled(columns: number, random: Random): string[] {
  const names = Array.from({ length: columns }, (_, i) => `数据${i + 1}`);
  if (random() < 0.25) return [];
  const header = random() < 0.5 ? ['申请人情况', ...names] : ['项目', ...names];
  return [markdownRow(header), markdownRow(header.map(() => '---'))];
}

/** A value cell as a whole ("12", "83.74"), not a numbered label ("1.属于国家秘密"). */
const isNumber = (cell: string): boolean => /^-?\d+(?:\.\d+)?$/.test(cell.trim());

function transcript(lines: readonly Line[], random: Random): string {
  const out: string[] = [];
  let header: Line[] = [];
  for (const line of lines) {
    const values = line.cells.filter(isNumber);
    if (line.table && values.length === 0) {
      header.push(line);
      continue;
    }
    // Headers over the wide tables (三 and 四) are relabelled; those of section 二 kept as printed.
    if (header.length > 0) {
      out.push(
        ...(line.table && values.length >= 7
          ? relabelled(values.length, random)
          : header.map((h) => markdownRow(h.cells.filter((c) => c !== '')))),
      );
      header = [];
    }
    if (!line.table) {
      out.push(line.cells.join(''));
      continue;
    }
    const first = line.cells.findIndex(isNumber);
    const label = line.cells
      .slice(0, Math.max(first, 0))
      .filter((cell) => cell !== '')
      .join(' ');
    out.push(markdownRow(label === '' ? values : [label, ...line.cells.slice(first).filter((c) => c !== '')]));
  }
  return `${out.join('\n')}\n`;
}

/** A label with one character dropped or two neighbours swapped (never its numbering). */
function damageLabel(label: string, random: Random): string {
  const start = /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+\.)?/.exec(label)?.[0].length ?? 0;
  const chars = [...label];
  if (chars.length - start < 5) return label;
  const at = start + 1 + Math.floor(random() * (chars.length - start - 3));
  if (random() < 0.5) chars.splice(at, 1);
  else [chars[at], chars[at + 1]] = [chars[at + 1] as string, chars[at] as string];
  return chars.join('');
}

function labels(lines: readonly Line[], random: Random): string {
  return lines
    .map((line) =>
      line.table
        ? line.cells
            .map((cell) => (cell !== '' && !isValue(cell) && random() < 0.5 ? damageLabel(cell, random) : cell))
            .join('\t')
        : line.cells.join('\t'),
    )
    .join('\n');
}

function splitHeaders(lines: readonly Line[]): string {
  return lines
    .map((line) => {
      if (!line.table) return line.cells.join('\t');
      const first = line.cells.findIndex(isValue);
      if (first <= 0) return line.cells.join('\t');
      return `${line.cells.slice(0, first).join('\t')}\n${line.cells.slice(first).join('\t')}`;
    })
    .join('\n');
}

function ocr(lines: readonly Line[], random: Random): string {
  const confuse = (cell: string): string =>
    isValue(cell)
      ? cell.replace(/[01]/g, (digit) => (random() < 0.15 ? (digit === '0' ? 'O' : 'l') : digit))
      : cell.replace(/十/g, () => (random() < 0.5 ? '+' : '十'));
  return lines.map((line) => (line.table ? line.cells.map(confuse) : line.cells).join('\t')).join('\n');
}

/** Indices of the lines that are table rows with at least `least` values. */
function valueRows(lines: readonly Line[], least: number): number[] {
  return lines.flatMap((line, i) => (line.table && line.cells.filter(isValue).length >= least ? [i] : []));
}

/**
 * One or two table rows, chosen at random, changed by `change` at a random value cell after the
 * first: the rows of sections 三 and 四, whose sums can tell, as often as those of section 二.
 */
function damageRows(lines: readonly Line[], random: Random, change: (cells: string[], at: number) => void): string {
  const out = lines.map((line) => ({ ...line, cells: [...line.cells] }));
  const rows = valueRows(lines, 2);
  const times = random() < 0.5 ? 1 : 2;
  for (let k = 0; k < times && rows.length > 0; k += 1) {
    const line = out[rows[Math.floor(random() * rows.length)] as number] as Line;
    const values = line.cells.flatMap((cell, i) => (isValue(cell) ? [i] : []));
    const at = values[1 + Math.floor(random() * (values.length - 1))] as number;
    change(line.cells, at);
  }
  return out.map((line) => line.cells.join('\t')).join('\n');
}

/** The report's text as the given damage leaves it. */
export function damageText(report: Report, kind: DamageKind, random: Random): string {
  const lines = tabLines(report);
  switch (kind) {
    case 'crawler':
      return crawler(lines, random);
    case 'copyPaste':
      return copyPaste(lines, random);
    case 'labels':
      return labels(lines, random);
    case 'splitHeaders':
      return splitHeaders(lines);
    case 'ocr':
      return ocr(lines, random);
    case 'joinCells':
      // The cell joins the one before it: "71", "3" → "713".
      return damageRows(lines, random, (cells, at) => {
        if (isValue(cells[at - 1] ?? '')) cells.splice(at - 1, 2, `${cells[at - 1] ?? ''}${cells[at] ?? ''}`);
      });
    case 'dropCell':
      return damageRows(lines, random, (cells, at) => {
        cells.splice(at, 1);
      });
    case 'pipeCells':
      return pipeCells(lines, random);
    case 'transcript':
      return transcript(lines, random);
    case 'detached':
      return detached(lines);
  }
}
