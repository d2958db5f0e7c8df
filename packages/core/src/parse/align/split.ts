/*
 * Digit runs → cells. A crawler's text drops the boundaries between a table row's cells
 * ("713000074" is 71, 3, 0, 0, 0, 0, 74); what is left of them (a space, a tab, a pipe, a line
 * break, a minus sign) is a boundary for sure. The splits of a run that respect those boundaries
 * and the row's sums are enumerated; the caller decides among them with the table's other sums.
 */

/** A run of numbers as printed: pieces that were separated for sure, each possibly several cells run together. */
export interface DigitRun {
  readonly pieces: readonly string[];
}

/** Checks a value about to be placed at `index`, given the values before it: false prunes the split. */
export type SplitCheck = (values: readonly number[], index: number, value: number) => boolean;

export interface SplitOptions {
  /** Largest count of integer digits a cell may have. */
  readonly maxDigits: number;
  /** Stop after this many splits: the caller only needs to know "one" or "several". */
  readonly limit: number;
  readonly check?: SplitCheck;
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * The run's pieces, each cut where a minus sign starts a new number ("2648-18538" → 2648, -18538):
 * a minus never stands inside a cell.
 */
export function runPieces(raw: string): string[] {
  return raw
    .split(/[\s|\u00a0\u3000]+/)
    .filter((piece) => piece !== '')
    .flatMap((piece) => piece.split(/(?=-)/))
    .filter((piece) => piece !== '' && piece !== '-');
}

/** The places a piece may be cut: between two digits, never inside a decimal part or before its point. */
function cutAllowed(piece: string, at: number): boolean {
  const before = piece[at - 1] ?? '';
  const after = piece[at] ?? '';
  if (!/\d/.test(before) || !/\d/.test(after)) return false;
  const point = piece.indexOf('.');
  return point === -1 || at < point;
}

function validCell(text: string, maxDigits: number): boolean {
  if (!NUMBER.test(text)) return false;
  const integer = text.replace(/^-/, '').split('.')[0] as string;
  return integer.length <= maxDigits;
}

/** Every way to read the run as `count` cells, up to the limit, each a list of values in order. */
export function splitRun(run: DigitRun, count: number, options: SplitOptions): number[][] {
  const out: number[][] = [];
  const { pieces } = run;
  const values: number[] = [];
  const walk = (piece: number, start: number): void => {
    if (out.length >= options.limit) return;
    if (piece === pieces.length) {
      if (values.length === count) out.push([...values]);
      return;
    }
    const text = pieces[piece] as string;
    // Cells still to place must fit in the digits left (each cell at least one character).
    if (values.length >= count) return;
    for (let end = start + 1; end <= text.length; end += 1) {
      if (end < text.length && !cutAllowed(text, end)) continue;
      const cell = text.slice(start, end);
      if (!validCell(cell, options.maxDigits)) {
        if (cell.replace(/^-/, '').length > options.maxDigits + 8) return;
        continue;
      }
      const value = Number(cell);
      if (options.check && !options.check(values, values.length, value)) continue;
      values.push(value);
      if (end === text.length) walk(piece + 1, 0);
      else walk(piece, end);
      values.pop();
      if (out.length >= options.limit) return;
    }
  };
  walk(0, 0);
  return out;
}

/** A check for rows whose last cell is the sum of the `width - 1` cells before it, in groups of `width`. */
export function groupTotals(width: number): SplitCheck {
  return (values, index, value) => {
    if (index % width !== width - 1) return true;
    let sum = 0;
    for (let i = index - width + 1; i < index; i += 1) sum += values[i] as number;
    return sum === value;
  };
}
