import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyScore, generateReport, parseReport, renderHtml, scoreCells, seededRandom } from '@xxgk/core';
import { damagedHtml, openPrinter, PDF_DAMAGE_KINDS } from '../../../bench/support/pdf-damage.js';
import { readCMap } from '../src/cmaps.js';
import { loadPdfium } from '../src/pdfium.js';

/*
 * PDFs whose tables lost their layout on the way (bench/support/pdf-damage.js): generated
 * reports printed by chromium with section 三's and 四's headers one character per line or
 * turned a quarter, or their tables broken across short pages, read as `xxgk parse` reads them.
 * A sample of each kind and format; `npm run bench:pdf-damage` measures 1,000 of each.
 */

const PER_FORMAT = 2;
let printer: Awaited<ReturnType<typeof openPrinter>>;

beforeAll(async () => {
  printer = await openPrinter();
});
afterAll(async () => {
  await printer?.close();
});

describe.each(PDF_DAMAGE_KINDS)('PDFs damaged so: %s', (kind) => {
  it.each(['2019', '2021'] as const)('reads every cell of %s reports right', async (format) => {
    const score = emptyScore();
    let tables = 0;
    for (let i = 0; i < PER_FORMAT; i += 1) {
      const random = seededRandom(700 + i);
      const truth = generateReport(random, { format });
      const pdf = await printer.print(damagedHtml(renderHtml(truth), kind, random));
      const parsed = await parseReport(pdf, { readCMap, pdfium: loadPdfium });
      expect(parsed.source).toBe('pdf');
      tables += parsed.document.nodes.filter((node) => node.kind === 'table').length;
      scoreCells(score, truth, parsed);
    }
    expect(score.right).toBeGreaterThan(190 * PER_FORMAT);
    expect(score).toMatchObject({ wrong: 0, open: 0, wrongSure: 0 });
    // Short pages break the tables into pieces: 6 or 7 a report, where an A4 print of these gives 4 or 5.
    if (kind === 'pageBreaks') expect(tables / PER_FORMAT).toBeGreaterThanOrEqual(6);
  });
});
