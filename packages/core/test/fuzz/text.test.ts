import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateReport, renderMarkdown, renderText, seededRandom } from '../../src/index.js';
import { sampleSize } from '../sample-size.js';
import { fuzz } from './mutate.js';

const RUNS = sampleSize(3_000, 10_000);

const seedsDir = new URL('../../../../fixtures/seeds/', import.meta.url);
const encoder = new TextEncoder();

describe('fuzz: text', () => {
  it(`reads or rejects ${RUNS} mutated text reports`, async () => {
    const report = generateReport(seededRandom(3), { format: '2021' });
    const seeds = [
      ...readdirSync(seedsDir)
        .filter((name) => name.endsWith('.txt'))
        .map((name) => new Uint8Array(readFileSync(new URL(name, seedsDir)))),
      encoder.encode(renderText(report, 'pipe')),
      encoder.encode(renderText(report, 'tab')),
      encoder.encode(renderMarkdown(report)),
    ];
    const outcome = await fuzz(seeds, RUNS, 1);
    expect(outcome.read + Object.values(outcome.rejected).reduce((a, b) => a + b, 0)).toBe(RUNS);
    expect(outcome.read).toBeGreaterThan(RUNS / 2);
    // A limit for a hung run, not a timing: a loaded 2-core machine takes minutes.
  }, 300_000);
});
