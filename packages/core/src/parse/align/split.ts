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

/**
 * Whether the characters left can still hold the cells left: no more than maxDigits each, and the
 * current group's total at least as long as the sum of its cells placed so far.
 */
function groupsFit(values: readonly number[], width: number, left: number, chars: number, maxDigits: number): boolean {
  if (chars > left * (maxDigits + 1)) return false;
  const placed = values.length % width;
  if (placed === 0) return true;
  let partial = 0;
  for (let i = values.length - placed; i < values.length; i += 1) partial += values[i] as number;
  const beforeTotal = width - 1 - placed;
  const after = left - beforeTotal - 1;
  return chars >= beforeTotal + printedLength(partial) + after;
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

/** Every way to read the run as `count` cells, up to the limit, each a list of values in order. */
export function splitRun(run: DigitRun, count: number, options: SplitOptions): number[][] {
  const out: number[][] = [];
  const { pieces } = run;
  const { maxDigits, limit, groupWidth, signed } = options;
  const restLength = pieces.map((_, p) => pieces.slice(p).reduce((sum, piece) => sum + piece.length, 0));
  const values: number[] = [];
  const walk = (piece: number, start: number): void => {
    if (out.length >= limit) return;
    if (piece === pieces.length) {
      if (values.length === count) out.push([...values]);
      return;
    }
    const left = count - values.length;
    const chars = (restLength[piece] as number) - start;
    // Each cell takes one character at least and (sign and decimals aside) maxDigits at most.
    if (left < pieces.length - piece || chars < left) return;
    if (groupWidth && !groupsFit(values, groupWidth, left, chars, maxDigits)) return;
    const text = pieces[piece] as string;
    const index = values.length;
    if (signed && start === 0 && (text[0] === '-' || text[0] === '+') && !signed[index]) return;
    let required: number | undefined;
    if (groupWidth && index % groupWidth === groupWidth - 1) {
      required = 0;
      for (let i = index - groupWidth + 1; i < index; i += 1) required += values[i] as number;
    }
    const sign = text.charCodeAt(start);
    const first = sign === 0x2d /* - */ || sign === 0x2b /* + */ ? start + 1 : start;
    for (let end = nextEnd(text, first, first, maxDigits); end !== -1; end = nextEnd(text, first, end, maxDigits)) {
      const value = cellValue(text, start, end);
      if (required !== undefined && value !== required) continue;
      values.push(value);
      if (end === text.length) walk(piece + 1, 0);
      else walk(piece, end);
      values.pop();
      if (out.length >= limit) return;
    }
  };
  walk(0, 0);
  return out;
}
