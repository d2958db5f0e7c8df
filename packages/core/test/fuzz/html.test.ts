import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateReport, renderHtml, seededRandom } from '../../src/index.js';
import { fuzz } from './mutate.js';

const dir = new URL('../../../../fixtures/parse/html/', import.meta.url);

describe('fuzz: HTML', () => {
  it('reads or rejects 10,000 mutated report pages', async () => {
    const seeds = [
      ...readdirSync(dir)
        .filter((name) => name.endsWith('.html'))
        .map((name) => new Uint8Array(readFileSync(new URL(name, dir)))),
      new TextEncoder().encode(renderHtml(generateReport(seededRandom(5), { format: '2019' }))),
    ];
    const outcome = await fuzz(seeds, 10_000, 2);
    expect(outcome.read).toBeGreaterThan(5_000);
  });
});
