import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateReport, renderHtml, seededRandom } from '../../src/index.js';
import { sampleSize } from '../sample-size.js';
import { fuzz } from './mutate.js';

const RUNS = sampleSize(3_000, 10_000);

const dir = new URL('../../../../fixtures/parse/html/', import.meta.url);

describe('fuzz: HTML', () => {
  it(`reads or rejects ${RUNS} mutated report pages`, async () => {
    const seeds = [
      ...readdirSync(dir)
        .filter((name) => name.endsWith('.html'))
        .map((name) => new Uint8Array(readFileSync(new URL(name, dir)))),
      new TextEncoder().encode(renderHtml(generateReport(seededRandom(5), { format: '2019' }))),
    ];
    const outcome = await fuzz(seeds, RUNS, 2);
    expect(outcome.read).toBeGreaterThan(RUNS / 2);
    // A limit for a hung run, not a timing: a loaded 2-core machine takes minutes.
  }, 300_000);
});
