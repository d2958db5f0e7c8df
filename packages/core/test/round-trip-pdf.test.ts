import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  enablePdfFontCache,
  generateReport,
  parseReport,
  renderPdf,
  REPORT_FORMATS,
  seededRandom,
} from '../src/index.js';
import { inflatedSize } from '../../node/src/inflate.js';
import { loadPdfium } from '../../node/src/pdfium.js';
import { sampleSize } from './sample-size.js';

/*
 * Round trip through PDF: rendered by the core with a CJK font, read back as the CLI and the
 * server read it (PDFium, ruled tables rebuilt), the same cells; every tenth report also through
 * pdf.js, the core's reader where PDFium cannot load, which costs about eight times as much CPU
 * (bench:parse) — reading all of them twice would take most of CI's budget. A file of its own,
 * since this runs beside the other tests. 100 reports per format in CI (10 of them through pdf.js
 * as well); 1,000 with `npm run test:full` or any count with XXGK_ROUND_TRIP_PDF_RUNS. bench:parse
 * also checks the cells of every PDF it reads, with each engine (1,000; all with --time=600000).
 */
const RUNS = Number(process.env.XXGK_ROUND_TRIP_PDF_RUNS ?? sampleSize(100, 1000));
const PDFJS_EVERY = 10;
const AS_CLI = { pdfium: loadPdfium, inflate: inflatedSize };

/** The system's Noto Serif CJK, else the Noto Sans the CLI ships; parsed once (the CLI does the same). */
function pdfFonts() {
  const require = createRequire(import.meta.url);
  enablePdfFontCache(require(createRequire(require.resolve('pdfmake')).resolve('fontkit')));
  const system = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
  if (existsSync(system))
    return { regular: new Uint8Array(readFileSync(system)), regularFace: 'NotoSerifCJKsc-Regular' };
  const bundled = require
    .resolve('@embedpdf/fonts-sc/package.json')
    .replace(/package\.json$/, 'fonts/NotoSansHans-Regular.otf');
  return { regular: new Uint8Array(readFileSync(bundled)) };
}

describe.each(REPORT_FORMATS)('round trip through PDF, format %s', (format) => {
  it(`reads back ${RUNS} rendered reports`, async () => {
    const fonts = pdfFonts();
    for (let seed = 1; seed <= RUNS; seed += 1) {
      const original = generateReport(seededRandom(seed), {
        format,
        ...(format === '2021' && seed % 5 === 0 ? { other: 'single' as const } : {}),
      });
      const pdf = await renderPdf(original, fonts);
      const readers = seed % PDFJS_EVERY === 0 ? { pdfium: AS_CLI, 'pdf.js': {} } : { pdfium: AS_CLI };
      for (const [name, options] of Object.entries(readers)) {
        const { report: read } = await parseReport(pdf, options);
        const context = `pdf (${name}), seed ${seed}`;
        expect(read.meta.agency, context).toBe(original.meta.agency);
        expect(read.meta.year, context).toBe(original.meta.year);
        expect(read.meta.format, context).toBe(original.meta.format);
        expect(read.cells, context).toEqual(original.cells);
      }
    }
  }, 1_800_000);
});
