import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fuzz } from './mutate.js';

const dir = new URL('../../../../fixtures/parse/docx/', import.meta.url);

describe('fuzz: DOCX', () => {
  it('reads or rejects 10,000 mutated files', async () => {
    const seeds = readdirSync(dir)
      .filter((name) => name.endsWith('.docx') && !name.startsWith('encrypted'))
      .map((name) => new Uint8Array(readFileSync(new URL(name, dir))));
    expect(seeds.length).toBeGreaterThan(1);
    const outcome = await fuzz(seeds, 10_000, 3);
    // Every mutation ends one way or the other; a CRC or structure check catches most.
    expect(outcome.read + Object.values(outcome.rejected).reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(Object.keys(outcome.rejected)).toContain('corrupt');
  });
});
