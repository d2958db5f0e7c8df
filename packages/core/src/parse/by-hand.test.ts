import { describe, expect, it } from 'vitest';
import { runPieces } from './align/split.js';
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
