/*
 * Digit runs → cells. A crawler's text drops the boundaries between a table row's cells
 * ("713000074" is 71, 3, 0, 0, 0, 0, 74); what is left of them (a space, a tab, a pipe, a line
 * break, a sign: "−" or the "+" of a rise in 本年增/减) is a boundary for sure. The splits of a run that respect those boundaries
 * and the row's sums are enumerated; the caller decides among them with the table's other sums.
 */

import { isTrimmed } from '../normalise.js';

/** A run of numbers as printed: pieces that were separated for sure, each possibly several cells run together. */
export interface DigitRun {
  readonly pieces: readonly string[];
}

export interface SplitOptions {
  /** Largest count of integer digits a cell may have. */
  readonly maxDigits: number;
  /** Stop after this many splits: the caller only needs to know "one" or "several". */
  readonly limit: number;
  /** The row's cells come in groups of this many, the last of each the sum of the others. */
  readonly groupWidth?: number;
  /**
   * Per cell, whether it may carry a sign: a piece that starts with "−" or "+" starts a cell
   * that does (本年增/减, "-8", "+43"), never another. Without it any cell may.
   */
  readonly signed?: readonly boolean[];
}

/**
 * The run's pieces, each cut where a sign starts a new number ("2648-18538" → 2648, -18538;
 * "9+4352" → 9, +4352, as reports print a rise in 本年增/减): a sign never stands inside a cell.
 */
export function runPieces(raw: string): string[] {
  const pieces: string[] = [];
  // Cut by hand, where `raw.split(/[\s|\u00a0\u3000]+/)` cuts and before every sign but one that
  // opens a piece: it runs for every run of every crawler's text (by-hand.test.ts checks the two agree).
  let at = 0;
  while (at < raw.length) {
    while (at < raw.length && isBoundary(raw.charCodeAt(at))) at += 1;
    let start = at;
    for (at += 1; at < raw.length && !isBoundary(raw.charCodeAt(at)); at += 1) {
      const code = raw.charCodeAt(at);
      if (code !== 0x2d /* - */ && code !== 0x2b /* + */) continue;
      addPiece(pieces, raw.slice(start, at));
      start = at;
    }
    if (start < raw.length) addPiece(pieces, raw.slice(start, Math.min(at, raw.length)));
  }
  return pieces;
}

/** A boundary between the pieces of a run: white space (what `\s` and `trim` take) or "|". */
function isBoundary(code: number): boolean {
  return code === 0x7c /* | */ || isTrimmed(code);
}

/** A piece that holds a digit: not an empty one between two boundaries, nor a lone sign. */
function addPiece(pieces: string[], piece: string): void {
  if (piece !== '' && piece !== '-' && piece !== '+') pieces.push(piece);
}

/** Whether a code unit is an ASCII digit. */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * The cells that can start where a cell's digits start (`first`, after its sign), one at a time,
 * shortest first: the end of the next after one that ends at `end` (`first` for the shortest), -1
 * when there is none. A leading 0 stands alone, digits stop at maxDigits, a decimal part stays
 * whole (and ends the list: the character after it is no digit). One at a time, not listed: the
 * walk asks at every cell of every split it tries.
 */
function nextEnd(piece: string, first: number, end: number, maxDigits: number): number {
  if (end >= piece.length || !isDigit(piece.charCodeAt(end))) return -1;
  const i = end + 1;
  if (i - first > maxDigits) return -1;
  if (piece.charCodeAt(first) === 48 && i - first > 1) return -1;
  if (piece.charCodeAt(i) !== 0x2e /* . */) return i;
  let j = i + 1;
  while (j < piece.length && isDigit(piece.charCodeAt(j))) j += 1;
  return j > i + 1 ? j : -1;
}

/** How many characters a number prints in (`String(value).length`), without making the string for a count. */
function printedLength(value: number): number {
  if (!(value >= 0 && value < 1e15 && Number.isInteger(value))) return String(value).length;
  let length = 1;
  for (let power = 10; value >= power; power *= 10) length += 1;
  return length;
}

/**
 * `Number(text.slice(start, end))`, without the string for a sign and digits alone (the walk reads
 * every cell of every split it tries): exact up to 15 digits, as such a number is an exact double.
 */
function cellValue(text: string, start: number, end: number): number {
  let i = start;
  const sign = text.charCodeAt(i);
  if (sign === 0x2d /* - */ || sign === 0x2b /* + */) i += 1;
  if (i === end || end - i > 15) return Number(text.slice(start, end));
  let value = 0;
  for (; i < end; i += 1) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return Number(text.slice(start, end));
    value = value * 10 + digit;
  }
  return sign === 0x2d ? -value : value;
}

/**
 * Every way to read the run as `count` cells, up to the limit, each a list of values in order.
 *
 * A depth-first walk over the cells, one at a time: the cells that can start where the last one
 * ended, shortest first, each followed by every way to read the rest. Written as a loop over a
 * stack of typed arrays, each cell's group sum kept as it is placed: a new report's crawler text
 * asks for some twenty of these a report at a few hundred steps each, and a step of a recursive
 * closure that summed its group again cost most of the search (by-hand.test.ts checks the loop
 * against that recursion on random runs: the same readings in the same order).
 */
export function splitRun(run: DigitRun, count: number, options: SplitOptions): number[][] {
  const out: number[][] = [];
  if (options.limit <= 0) return out;
  const { pieces } = run;
  const w = walkFor(pieces, count, options);
  const { pieceAt, startAt, firstAt, endAt, values, partial } = w;
  const { maxDigits, limit } = options;
  const width = w.width;
  let cell = 0;
  let piece = 0;
  let start = 0;
  // Whether the walk stands at a new cell (piece, start), not yet checked.
  let entering = true;
  for (;;) {
    if (entering) {
      entering = false;
      if (canStart(w, piece, start, cell)) {
        const sign = (pieces[piece] as string).charCodeAt(start);
        pieceAt[cell] = piece;
        startAt[cell] = start;
        firstAt[cell] = endAt[cell] = sign === 0x2d /* - */ || sign === 0x2b /* + */ ? start + 1 : start;
      } else {
        if (piece === pieces.length && cell === count) {
          const cells = new Array<number>(count);
          for (let i = 0; i < count; i += 1) cells[i] = values[i] as number;
          out.push(cells);
          if (out.length >= limit) return out;
        }
        cell -= 1;
        if (cell < 0) return out;
      }
    }
    const text = pieces[pieceAt[cell] as number] as string;
    const end = nextEnd(text, firstAt[cell] as number, endAt[cell] as number, maxDigits);
    if (end === -1) {
      cell -= 1;
      if (cell < 0) return out;
      continue;
    }
    endAt[cell] = end;
    const value = cellValue(text, startAt[cell] as number, end);
    if (width) {
      // The group's last cell is the sum of the others.
      const total = cell % width === width - 1;
      if (total && value !== partial[cell]) continue;
      partial[cell + 1] = total ? 0 : (partial[cell] as number) + value;
    }
    values[cell] = value;
    piece = end === text.length ? (pieceAt[cell] as number) + 1 : (pieceAt[cell] as number);
    start = end === text.length ? 0 : end;
    cell += 1;
    entering = true;
  }
}

/**
 * The walk's state, kept from one split to the next (each is done before the next starts): a
 * typed array is an allocation of its own, which costs more than a short walk. By cell (the depth
 * of the walk): its piece, where it starts (sign included), where its digits start, where the
 * reading of it tried last ends, its value, the sum of the cells before it in its group.
 */
interface Walk {
  pieces: readonly string[];
  count: number;
  width: number;
  maxDigits: number;
  signed: readonly boolean[] | undefined;
  /** By piece: the characters of that piece and of those after it. */
  restLength: Int32Array;
  pieceAt: Int32Array;
  startAt: Int32Array;
  firstAt: Int32Array;
  endAt: Int32Array;
  values: Float64Array;
  partial: Float64Array;
  /**
   * lastDigits[n]: the run's last n digits as a number, for n up to `lastCount`: the largest the
   * last group's total can be when it holds n digits at most. lastCount is 0 when the run holds
   * anything but digits (a sign, a decimal point): a cell then can be negative, or a total longer.
   */
  lastDigits: Float64Array;
  lastCount: number;
}

function newWalk(size: number): Walk {
  return {
    pieces: [],
    count: 0,
    width: 0,
    maxDigits: 0,
    signed: undefined,
    restLength: new Int32Array(size + 1),
    pieceAt: new Int32Array(size + 1),
    startAt: new Int32Array(size + 1),
    firstAt: new Int32Array(size + 1),
    endAt: new Int32Array(size + 1),
    values: new Float64Array(size + 1),
    partial: new Float64Array(size + 1),
    lastDigits: new Float64Array(16),
    lastCount: 0,
  };
}

let walk = newWalk(32);

/** The walk made ready for a run. */
function walkFor(pieces: readonly string[], count: number, options: SplitOptions): Walk {
  if (walk.values.length < count + 1 || walk.restLength.length < pieces.length + 1)
    walk = newWalk(Math.max(count, pieces.length) * 2);
  const w = walk;
  w.pieces = pieces;
  w.count = count;
  w.width = options.groupWidth ?? 0;
  w.maxDigits = options.maxDigits;
  w.signed = options.signed;
  const last = pieces.length;
  w.restLength[last] = 0;
  let digitsOnly = true;
  for (let p = last - 1; p >= 0; p -= 1) {
    const text = pieces[p] as string;
    w.restLength[p] = (w.restLength[p + 1] as number) + text.length;
    for (let i = 0; i < text.length && digitsOnly; i += 1) digitsOnly = isDigit(text.charCodeAt(i));
  }
  w.lastCount = 0;
  if (!digitsOnly || last === 0 || !w.width || w.maxDigits > 15) return w;
  const text = pieces[last - 1] as string;
  w.lastCount = Math.min(w.maxDigits, text.length);
  let power = 1;
  for (let n = 1; n <= w.lastCount; n += 1) {
    w.lastDigits[n] = (w.lastDigits[n - 1] as number) + (text.charCodeAt(text.length - n) - 0x30) * power;
    power *= 10;
  }
  return w;
}

/**
 * Whether a cell can start at (piece, start), `cell` cells placed: not past the last piece, each
 * piece left holding a cell and each cell a character, a sign only before a cell that may carry
 * one; with groups, the characters left no more than the cells left can hold (maxDigits each) and
 * the group's total at least as long as the sum of its cells placed so far.
 */
function canStart(w: Walk, piece: number, start: number, cell: number): boolean {
  const { pieces, width } = w;
  if (piece === pieces.length) return false;
  const left = w.count - cell;
  const chars = (w.restLength[piece] as number) - start;
  if (left < pieces.length - piece || chars < left) return false;
  if (width) {
    if (chars > left * (w.maxDigits + 1)) return false;
    const placed = cell % width;
    if (placed !== 0) {
      const beforeTotal = width - 1 - placed;
      const after = left - beforeTotal - 1;
      const sum = w.partial[cell] as number;
      if (chars < beforeTotal + printedLength(sum) + after) return false;
      if (after === 0 && w.lastCount > 0 && !lastGroupCloses(w, piece, start, chars, sum, beforeTotal)) return false;
    }
  }
  if (w.signed && start === 0 && !w.signed[cell]) {
    const sign = (pieces[piece] as string).charCodeAt(0);
    if (sign === 0x2d /* - */ || sign === 0x2b /* + */) return false;
  }
  return true;
}

/**
 * In the run's last group of a run of digits alone (no cell negative), whether the cells left can
 * still close it: its total is the run's last digits, so no less than the sum placed so far; the
 * total itself, or one cell and the total, are tried here at once instead of each of their
 * readings in the walk (where most of its steps went: a long row has hundreds of such ends, few
 * of which sum). Only what the walk would find: the walk still places the cells.
 */
function lastGroupCloses(
  w: Walk,
  piece: number,
  start: number,
  chars: number,
  sum: number,
  beforeTotal: number,
): boolean {
  const { pieces, lastCount, lastDigits } = w;
  if (beforeTotal === 0)
    return (
      chars <= lastCount &&
      (chars === 1 || (pieces[piece] as string).charCodeAt(start) !== 0x30) &&
      lastDigits[chars] === sum
    );
  if (sum > (lastDigits[Math.min(lastCount, chars - beforeTotal)] as number)) return false;
  if (beforeTotal > 1) return true;
  const text = pieces[piece] as string;
  const zero = text.charCodeAt(start) === 0x30;
  if (piece < pieces.length - 1) {
    // The cell is the rest of this piece, the total the whole last one.
    const length = text.length - start;
    const total = (pieces[pieces.length - 1] as string).length;
    if (length > w.maxDigits || (length > 1 && zero) || total > lastCount) return false;
    if (total > 1 && (pieces[pieces.length - 1] as string).charCodeAt(0) === 0x30) return false;
    return sum + cellValue(text, start, text.length) === lastDigits[total];
  }
  // Both in the last piece: the cell its first `length` characters left, the total the rest.
  let value = 0;
  for (let length = 1; length <= w.maxDigits && length < chars; length += 1) {
    if (length > 1 && zero) return false;
    value = value * 10 + (text.charCodeAt(start + length - 1) - 0x30);
    const total = chars - length;
    if (total > lastCount || (total > 1 && text.charCodeAt(start + length) === 0x30)) continue;
    if (sum + value === lastDigits[total]) return true;
  }
  return false;
}
