import { describe, expect, it } from 'vitest';
import {
  generateReport,
  parseReport,
  renderDocx,
  renderHtml,
  renderMarkdown,
  renderText,
  REPORT_FORMATS,
  seededRandom,
  type Report,
  type ReportFormat,
  type TextLayout,
} from '../src/index.js';
import { sampleSize } from './sample-size.js';

/*
 * Round trip: a report with non-zero figures, rendered by the core, read back by the parser,
 * gives the same agency, year, format and cells. Seeded, so a failure names its seed. 200 reports
 * per format and output in CI (a fifth of 2021's use the single-row （六）); 1,000 with
 * `npm run test:full`, as before. bench:parse also checks the cells of every report it reads
 * (1,000 per kind; all of them with --time=600000).
 */
const RUNS = sampleSize(200, 1000);
const encoder = new TextEncoder();

type Writer = (report: Report) => Uint8Array | Promise<Uint8Array>;
const text =
  (render: (report: Report) => string): Writer =>
  (report) =>
    encoder.encode(render(report));

/** Each output of the core but PDF (round-trip-pdf.test.ts), and how many reports per format go through it. */
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
};

function report(format: ReportFormat, seed: number): Report {
  const r = generateReport(seededRandom(seed), {
    format,
    ...(format === '2021' && seed % 5 === 0 ? { other: 'single' as const } : {}),
  });
  return r;
}

describe.each(REPORT_FORMATS)('round trip, format %s', (format) => {
  it.each(Object.keys(WRITERS))(
    'reads back rendered reports as %s',
    async (writer) => {
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
      // A thousand DOCX round trips take ≈20 s alone (test:full); room for a machine running much else.
    },
    180_000,
  );
});
