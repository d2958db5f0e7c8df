import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  enablePdfFontCache,
  generateReport,
  parseReport,
  renderDocx,
  renderHtml,
  renderMarkdown,
  renderPdf,
  renderText,
  REPORT_FORMATS,
  seededRandom,
  type Report,
  type ReportFormat,
  type TextLayout,
} from '../src/index.js';

/*
 * Round trip: a report with non-zero figures, rendered by the core, read back by the parser,
 * gives the same agency, year, format and cells. Seeded, so a failure names its seed.
 */
const RUNS = 1000;
const encoder = new TextEncoder();

type Writer = (report: Report) => Uint8Array | Promise<Uint8Array>;
const text =
  (render: (report: Report) => string): Writer =>
  (report) =>
    encoder.encode(render(report));

/** A CJK font for the PDFs: the system's Noto Serif CJK, else the Noto Sans the CLI ships. */
function pdfFonts() {
  const require = createRequire(import.meta.url);
  const fontkit = require(createRequire(require.resolve('pdfmake')).resolve('fontkit'));
  enablePdfFontCache(fontkit);
  const system = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
  if (existsSync(system))
    return { regular: new Uint8Array(readFileSync(system)), regularFace: 'NotoSerifCJKsc-Regular' };
  const bundled = require
    .resolve('@embedpdf/fonts-sc/package.json')
    .replace(/package\.json$/, 'fonts/NotoSansHans-Regular.otf');
  return { regular: new Uint8Array(readFileSync(bundled)) };
}
let fonts: ReturnType<typeof pdfFonts> | undefined;

/** Each output of the core, and how many reports per format go through it (a PDF costs ~0.2 s). */
const WRITERS: Record<string, { write: Writer; runs: number }> = {
  ...Object.fromEntries(
    (['lines', 'pipe', 'tab'] as TextLayout[]).map((layout) => [
      `text/${layout}`,
      { write: text((r) => renderText(r, layout)), runs: RUNS },
    ]),
  ),
  markdown: { write: text(renderMarkdown), runs: RUNS },
  html: { write: text(renderHtml), runs: RUNS },
  docx: { write: renderDocx, runs: RUNS },
  pdf: { write: (r) => renderPdf(r, (fonts ??= pdfFonts())), runs: 100 },
};

function report(format: ReportFormat, seed: number): Report {
  const r = generateReport(seededRandom(seed), {
    format,
    ...(format === '2021' && seed % 5 === 0 ? { other: 'single' as const } : {}),
  });
  return r;
}

describe.each(REPORT_FORMATS)('round trip, format %s', (format) => {
  it.each(Object.keys(WRITERS))('reads back rendered reports as %s', async (writer) => {
    const { write, runs } = WRITERS[writer] as { write: Writer; runs: number };
    expect(runs).toBeGreaterThan(0);
    for (let seed = 1; seed <= runs; seed += 1) {
      const original = report(format, seed);
      const { report: read } = await parseReport(await write(original));
      const context = `${writer}, seed ${seed}`;
      expect(read.meta.agency, context).toBe(original.meta.agency);
      expect(read.meta.year, context).toBe(original.meta.year);
      expect(read.meta.format, context).toBe(original.meta.format);
      expect(read.cells, context).toEqual(original.cells);
    }
  });
});
