import { describe, expect, it } from 'vitest';
import { seededRandom } from '../model/generate.js';
import { strictUtf8 } from './utf8.js';

const FATAL = new TextDecoder('utf-8', { fatal: true });

/** TextDecoder's reading in fatal mode, or undefined where it throws. */
function reference(bytes: Uint8Array): string | undefined {
  try {
    return FATAL.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Bytes of text (ASCII, 汉字, an emoji) with, now and then, a byte at random: well and badly formed UTF-8 alike. */
function sample(random: () => number): Uint8Array {
  const encoder = new TextEncoder();
  const parts: number[] = [];
  const pieces = ['a', '7', '\t', '公开', '（一）', 'é', '😀', '\u{10ffff}', '\u0800', '\ud7ff', '\ue000'];
  for (let i = 0; i < 1 + Math.floor(random() * 12); i += 1) {
    if (random() < 0.3) parts.push(Math.floor(random() * 256));
    else parts.push(...encoder.encode(pieces[Math.floor(random() * pieces.length)]));
  }
  // Cut a sequence short now and then.
  return new Uint8Array(random() < 0.2 ? parts.slice(0, -1) : parts);
}

describe('strictUtf8', () => {
  it('reads what TextDecoder reads in fatal mode, and refuses what it refuses', () => {
    const random = seededRandom(8);
    let refused = 0;
    for (let i = 0; i < 5_000; i += 1) {
      const bytes = sample(random);
      const expected = reference(bytes);
      if (expected === undefined) refused += 1;
      // A leading U+FEFF is left to TextDecoder (which drops it as a byte order mark).
      if (expected !== undefined && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) continue;
      expect(strictUtf8(bytes), `bytes ${[...bytes].join(',')}`).toBe(expected);
    }
    expect(refused).toBeGreaterThan(250);
  });

  it('refuses overlong forms, surrogates and what lies above U+10FFFF', () => {
    for (const bytes of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf0, 0x80, 0x80, 0xaf],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf5, 0x80, 0x80, 0x80],
      [0xe4, 0xb8],
    ])
      expect(strictUtf8(new Uint8Array(bytes))).toBeUndefined();
    expect(strictUtf8(new Uint8Array([0xe5, 0x85, 0xac, 0xf0, 0x9f, 0x98, 0x80]))).toBe('公😀');
  });
});
