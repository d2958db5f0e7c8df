import { describe, expect, it } from 'vitest';
import {
  generateReport,
  parseReport,
  renderMarkdown,
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

type Writer = (report: Report) => string;
const WRITERS: Record<string, Writer> = {
  ...Object.fromEntries(
    (['lines', 'pipe', 'tab'] as TextLayout[]).map((layout) => [
      `text/${layout}`,
      (r: Report) => renderText(r, layout),
    ]),
  ),
  markdown: renderMarkdown,
};

function report(format: ReportFormat, seed: number): Report {
  const r = generateReport(seededRandom(seed), {
    format,
    ...(format === '2021' && seed % 5 === 0 ? { other: 'single' as const } : {}),
  });
  return r;
}

describe.each(REPORT_FORMATS)('round trip, format %s', (format) => {
  it.each(Object.keys(WRITERS))(`reads back ${RUNS} rendered reports as %s`, async (writer) => {
    const write = WRITERS[writer] as Writer;
    for (let seed = 1; seed <= RUNS; seed += 1) {
      const original = report(format, seed);
      const { report: read } = await parseReport(encoder.encode(write(original)));
      const context = `${writer}, seed ${seed}`;
      expect(read.meta.agency, context).toBe(original.meta.agency);
      expect(read.meta.year, context).toBe(original.meta.year);
      expect(read.meta.format, context).toBe(original.meta.format);
      expect(read.cells, context).toEqual(original.cells);
    }
  });
});
