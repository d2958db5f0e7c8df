import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleSize } from '../sample-size.js';
import { fuzz } from './mutate.js';

const RUNS = sampleSize(3_000, 10_000);

const dir = new URL('../../../../fixtures/parse/doc/', import.meta.url);

describe('fuzz: DOC', () => {
  it(`reads or rejects ${RUNS} mutated files`, async () => {
    const seeds = readdirSync(dir)
      .filter((name) => name.endsWith('.doc') && !name.startsWith('encrypted'))
      .map((name) => new Uint8Array(readFileSync(new URL(name, dir))));
    expect(seeds.length).toBeGreaterThan(1);
    const outcome = await fuzz(seeds, RUNS, 3);
    // Every mutation ends one way or the other; a CRC or structure check catches most.
    expect(outcome.read + Object.values(outcome.rejected).reduce((a, b) => a + b, 0)).toBe(RUNS);
    expect(Object.keys(outcome.rejected)).toContain('corrupt');
    // A limit for a hung run, not a timing: a loaded 2-core machine takes minutes.
  }, 300_000);
});
