import { describe, expect, it } from 'vitest';
import { runPieces, splitRun, type SplitOptions } from './align/split.js';
import { numberingAfter, withoutThousands } from './align/stream.js';
import { allDigits } from './labels.js';
import { isTrimmed } from './normalise.js';
import { splitPipes } from './rows.js';
import { spaceWithin } from './rows-to-cells.js';
import { withoutCellEdges } from './title.js';

/*
 * Loops written by hand for speed in place of regular expressions: on random strings of the
 * characters that matter, each gives what the expression it replaced gives.
 */

/** Random strings of `alphabet`, from a fixed seed. */
function strings(alphabet: readonly string[], count: number, longest: number): string[] {
  let state = 12_345;
  const next = (below: number): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: next(longest + 1) }, () => alphabet[next(alphabet.length)]).join(''),
  );
}

/**
 * The cells that can start at `start` of a piece, by where they end, shortest first: an optional
 * sign, digits (a leading 0 alone, no more than maxDigits), a decimal part kept whole.
 */
function cellEnds(text: string, start: number, maxDigits: number): number[] {
  const first = /^[-+]/.test(text.slice(start)) ? start + 1 : start;
  const digits = (/^\d*/.exec(text.slice(first)) as RegExpExecArray)[0];
  const ends: number[] = [];
  for (let length = 1; length <= Math.min(digits.length, maxDigits); length += 1) {
    if (length > 1 && digits[0] === '0') break;
    const end = first + length;
    if (text[end] !== '.') {
      ends.push(end);
      continue;
    }
    const decimals = /^\.\d+/.exec(text.slice(end))?.[0];
    if (decimals) ends.push(end + decimals.length);
    break;
  }
  return ends;
}

/** Whether the characters left can still hold the cells left, as the recursive splitter judged it. */
function groupFits(values: readonly number[], width: number, left: number, chars: number, maxDigits: number): boolean {
  if (chars > left * (maxDigits + 1)) return false;
  const placed = values.length % width;
  if (placed === 0) return true;
  const partial = values.slice(values.length - placed).reduce((sum, value) => sum + value, 0);
  const beforeTotal = width - 1 - placed;
  return chars >= beforeTotal + String(partial).length + (left - beforeTotal - 1);
}

/** The splitter as a recursion over arrays, as it was before its walk became a loop over typed arrays. */
function recursiveSplit(pieces: readonly string[], count: number, options: SplitOptions): number[][] {
  const { maxDigits, limit, groupWidth, signed } = options;
  const out: number[][] = [];
  const values: number[] = [];
  const rest = pieces.map((_, piece) => pieces.slice(piece).join('').length);
  const walk = (piece: number, start: number): void => {
    if (out.length >= limit) return;
    if (piece === pieces.length) {
      if (values.length === count) out.push([...values]);
      return;
    }
    const left = count - values.length;
    const chars = (rest[piece] as number) - start;
    if (left < pieces.length - piece || chars < left) return;
    if (groupWidth && !groupFits(values, groupWidth, left, chars, maxDigits)) return;
    const text = pieces[piece] as string;
    const index = values.length;
    if (signed && start === 0 && /^[-+]/.test(text) && !signed[index]) return;
    const total = groupWidth && index % groupWidth === groupWidth - 1;
    const group = total ? values.slice(index - groupWidth + 1) : [];
    for (const end of cellEnds(text, start, maxDigits)) {
      const value = Number(text.slice(start, end));
      if (total && value !== group.reduce((sum, cell) => sum + cell, 0)) continue;
      values.push(value);
      walk(end === text.length ? piece + 1 : piece, end === text.length ? 0 : end);
      values.pop();
      if (out.length >= limit) return;
    }
  };
  walk(0, 0);
  return out;
}

/** Random runs to split: rows whose groups mostly sum (many readings), and runs of any characters that matter. */
function runsToSplit(count: number): { pieces: string[]; count: number; options: SplitOptions }[] {
  let state = 54_321;
  const next = (below: number): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((state / 2_147_483_648) * below);
  };
  const pick = <T>(values: readonly T[]): T => values[next(values.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    let raw = '';
    let cells = 1 + next(16);
    let width = pick([undefined, 1, 3, 5, 7]);
    if (i % 2 === 0) {
      width = pick([5, 7]);
      cells = pick([width, width, width * 3]);
      for (let group = 0; group < cells; group += width) {
        let sum = 0;
        for (let k = 1; k < width; k += 1) {
          const value = pick([0, 0, 1, 3, next(10), next(100), next(1000), next(30_000)]);
          sum += value;
          raw += String(value) + pick(['', '', '', '', ' ', '|']);
        }
        raw += String(pick([sum, sum, sum, sum + 1]));
      }
    } else
      for (let k = next(19); k > 0; k -= 1)
        raw += pick(['0', '1', '5', '9', String(next(10)), ' ', '-', '+', '.', '|']);
    const options: SplitOptions = {
      maxDigits: pick([3, 7, 7, 12]),
      limit: pick([1, 2, 32, 32, 1024]),
      ...(width && next(4) > 0 ? { groupWidth: width } : {}),
      ...(next(6) === 0 ? { signed: Array.from({ length: cells }, () => next(3) === 0) } : {}),
    };
    return { pieces: runPieces(raw), count: next(3) === 0 ? cells : Math.max(1, cells + next(3) - 1), options };
  });
}

describe('loops written by hand', () => {
  it('take off thousands separators as /(?<=\\d),(?=\\d{3}(?!\\d))/g does', () => {
    for (const text of strings(['1', '2', '0', ',', ',', 'a', ' ', '，', '9'], 20_000, 14))
      expect(withoutThousands(text)).toBe(text.replace(/(?<=\d),(?=\d{3}(?!\d))/g, ''));
  });

  it("take off a line's edge spaces and pipes as /^[\\s|]+|[\\s|]+$/g does", () => {
    for (let code = 0; code < 0x10000; code += 1) {
      const text = `${String.fromCharCode(code)}x${String.fromCharCode(code)}`;
      expect(withoutCellEdges(text)).toBe(text.replace(/^[\s|]+|[\s|]+$/g, ''));
    }
    for (const text of strings([' ', '|', '\t', '\u3000', '\u00a0', '\ufeff', '\n', 'a', '中'], 20_000, 8))
      expect(withoutCellEdges(text)).toBe(text.replace(/^[\s|]+|[\s|]+$/g, ''));
  });

  it('take off what trim takes off, and split a pipe row as trim, split("|") and trim did', () => {
    for (let code = 0; code < 0x10000; code += 1) {
      const char = String.fromCharCode(code);
      expect(isTrimmed(code)).toBe(char.trim() === '');
    }
    const split = (text: string): string[] => {
      let inner = text.trim();
      if (inner.startsWith('|')) inner = inner.slice(1);
      if (inner.endsWith('|')) inner = inner.slice(0, -1);
      return inner.split('|').map((piece) => piece.trim());
    };
    for (const text of strings(['|', '|', ' ', '\t', '\u3000', '\u00a0', '\ufeff', '1', '中', '｜'], 10_000, 12))
      expect(splitPipes(text)).toEqual(split(text));
  });

  it('tell a white space within the trimmed text as /\\s/.test(text) && /\\s/.test(text.trim()) does', () => {
    const regex = (text: string): boolean => /\s/.test(text) && /\s/.test(text.trim());
    for (let code = 0; code < 0x10000; code += 1) {
      const char = String.fromCharCode(code);
      for (const text of [`a${char}中`, `${char}a`, `a${char}`, char, `${char}${char}`])
        expect(spaceWithin(text)).toBe(regex(text));
    }
    for (const text of strings([' ', '\t', '\u3000', '\u00a0', '\n', 'a', '中', '1'], 20_000, 8))
      expect(spaceWithin(text)).toBe(regex(text));
  });

  it('cut a run into pieces at boundaries and signs as split(/[\\s|\\u00a0\\u3000]+/) and a cut before each sign did', () => {
    const cut = (raw: string): string[] => {
      const pieces: string[] = [];
      const add = (piece: string): void => {
        if (piece !== '' && piece !== '-' && piece !== '+') pieces.push(piece);
      };
      for (const piece of raw.split(/[\s|\u00a0\u3000]+/)) {
        let start = 0;
        for (let at = 1; at < piece.length; at += 1) {
          if (piece[at] !== '-' && piece[at] !== '+') continue;
          add(piece.slice(start, at));
          start = at;
        }
        add(start === 0 ? piece : piece.slice(start));
      }
      return pieces;
    };
    for (const raw of strings(['1', '0', '7', '-', '+', '.', ' ', '|', '\u3000', '\u00a0', '\t', '\n'], 30_000, 14))
      expect(runPieces(raw)).toEqual(cut(raw));
  });

  it('split a run into the same readings in the same order as the recursion over arrays did', () => {
    let readings = 0;
    let cut = 0;
    for (const { pieces, count, options } of runsToSplit(12_000)) {
      const split = splitRun({ pieces }, count, options);
      expect(split).toEqual(recursiveSplit(pieces, count, options));
      readings += split.length;
      if (split.length === options.limit) cut += 1;
    }
    // Enough of them read, and cut at the limit, for the comparison to mean something.
    expect(readings).toBeGreaterThan(50_000);
    expect(cut).toBeGreaterThan(1_000);
  });

  it('tell a numbering after a run as /^[.、．][^\\d\\s]/ does', () => {
    for (let code = 0; code < 0x10000; code += 1) {
      const char = String.fromCharCode(code);
      for (const after of [`.${char}`, `、${char}x`, `．${char}`, `${char}其`, char])
        expect(numberingAfter(after)).toBe(/^[.、．][^\d\s]/.test(after));
    }
    for (const after of strings(['.', '、', '．', '1', ' ', '其', '\u3000'], 20_000, 3))
      expect(numberingAfter(after)).toBe(/^[.、．][^\d\s]/.test(after));
  });

  it('tell ASCII digits alone as /^\\d+$/ does', () => {
    for (const text of strings(['0', '9', '5', '٣', '９', ' ', 'a', '/', ':'], 20_000, 6))
      expect(allDigits(text)).toBe(/^\d+$/.test(text));
  });
});
