import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleSize } from '../sample-size.js';
import { fuzz } from './mutate.js';

const dir = new URL('../../../../fixtures/parse/pdf/', import.meta.url);
/** pdf.js's character maps, as the CLI serves them, so that mutated CID fonts reach the CMap code too. */
const cmaps = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
const readCMap = async (name: string) =>
  new Uint8Array(await readFile(join(cmaps, `${name.replace(/[^\w-]/g, '')}.bcmap`)));
/*
 * 1,000 in CI: at ~37 ms a mutated file through pdf.js, ten thousand took a quarter of CI's
 * 30-minute budget on 2 cores. `npm run test:full` runs the full set (10,000), XXGK_FUZZ_PDF_RUNS any count.
 */
const RUNS = Number(process.env.XXGK_FUZZ_PDF_RUNS ?? sampleSize(1_000, 10_000));

describe('fuzz: PDF', () => {
  it(`reads or rejects ${RUNS} mutated PDFs, each within the reader's time limit`, async () => {
    // A small PDF (a hand-written CID-font page) so that thousands of runs stay in CI's budget;
    // pdf.test.ts fuzzes a full LibreOffice export with embedded fonts as well.
    const seeds = [new Uint8Array(readFileSync(new URL('cid-ucs2-borderless.pdf', dir)))];
    // A hang is ended by the reader's own limit (timeoutMs) and counted as a rejection; the whole
    // run is not timed here (bench:parse measures speed).
    const outcome = await fuzz(seeds, RUNS, 4, { timeoutMs: 2_000 }, { readCMap });
    expect(outcome.read + Object.values(outcome.rejected).reduce((a, b) => a + b, 0)).toBe(RUNS);
  }, 1_800_000);
});
