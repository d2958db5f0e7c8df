// Scanned reports read by OCR: `npm run bench:ocr` (after `npm run build`).
//
// Generated reports with non-zero figures (both formats, alternating) are rendered to PDF by the
// core, rasterised at 150 dpi by poppler's pdftoppm and wrapped again as image-only PDFs
// (bench/scans.js), clean and spoiled: speckle noise, a small rotation (skew), and real scans' faults
// (a red seal, in colour or grey, low resolution, heavy JPEG, a photocopy tilted and cropped). Each scan is
// read on this thread by parseReport with @xxgk/node's PDFium and OCR, as `xxgk parse` and uploads read it;
// its cells are compared with the report's. Figures: cells right (share), reports read wholly
// right, seconds per page; the baseline is the same reports' text PDFs read in the same run
// (their cells right, and the ratio of a scan's time to a text PDF's).
// Figures go to the console and to bench/ocr-results.json, for each kind and each format (2019, 2021)
// and for each kind over both.
//
// Options: --reports=<n per format> (default 100), --variants=clean,noise,skew (default these three; any of bench/scans.js's VARIANTS),
// --from=<first seed> (default 95000: runs with other seeds can share the work between processes),
// --out=<file> (default bench/ocr-results.json).

import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { scanOf } from './scans.js';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const PER_FORMAT = Number(args.reports ?? 100);
const VARIANTS = (args.variants ?? 'clean,noise,skew').split(',');
const FROM = Number(args.from ?? 95_000);
const FORMATS = ['2019', '2021'];

const root = fileURLToPath(new URL('..', import.meta.url));
const core = await import('../packages/core/dist/index.js');
const { loadFonts, loadPdfium, ocrReader, readCMap } = await import('../packages/node/dist/index.js');
// Time is measured here, not limited: a busy machine must not turn slow pages into wrong cells
// (nor a text PDF read at a few per cent of a core into a timeout).
const ocr = ocrReader({ maxPages: 20, pageMs: 3_600_000 });
const reading = { readCMap, ocr, pdfium: loadPdfium, limits: { timeoutMs: 24 * 3_600_000 } };
const fonts = await loadFonts();

/** Cells of `expected` read with the same value. */
function cellsRight(got, expected) {
  const ids = Object.keys(expected);
  return { right: ids.filter((id) => got[id] === expected[id]).length, total: ids.length };
}

const blank = () => ({ right: 0, total: 0, whole: 0, reports: 0, pages: 0, ms: 0, cpuMs: 0 });
/** Sums by kind and format: `totals[kind][format]`. */
const totals = Object.fromEntries(
  ['text', ...VARIANTS].map((kind) => [kind, Object.fromEntries(FORMATS.map((format) => [format, blank()]))]),
);

/** The one-minute load average after each report: the machine's state while it was measured. */
const loads = [];
const loadRange = () => ({
  min: Number(Math.min(...loads).toFixed(1)),
  mean: Number((loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(1)),
  max: Number(Math.max(...loads).toFixed(1)),
});

/** Both formats' sums of a kind as one. */
function overall(byFormat) {
  const sum = blank();
  for (const s of Object.values(byFormat)) for (const key of Object.keys(sum)) sum[key] += s[key];
  return sum;
}

for (let i = 0; i < PER_FORMAT * 2; i += 1) {
  const format = FORMATS[i % 2];
  const seed = FROM + i;
  const report = core.generateReport(core.seededRandom(seed), { format });
  const pdf = await core.renderPdf(report, fonts);
  const runs = [['text', { bytes: pdf, pages: 0 }]];
  // The speckles and the tilt seeded by the report: runs from other seeds spoil their pages differently.
  for (const variant of VARIANTS) runs.push([variant, await scanOf(pdf, variant, seed, { organ: report.meta.agency })]);
  for (const [kind, { bytes, pages }] of runs) {
    const started = performance.now();
    // Process CPU, all threads (onnxruntime may run its own): the clock alone says more about the load.
    const cpuBefore = process.cpuUsage();
    const parsed = await core.parseReport(new Uint8Array(bytes), reading);
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const { right, total } = cellsRight(parsed.report.cells, report.cells);
    if (kind !== 'text' && right < total) console.log(`  ${kind} r${seed} (${format}): ${total - right} cells wrong`);
    const sum = totals[kind][format];
    Object.assign(sum, {
      right: sum.right + right,
      total: sum.total + total,
      whole: sum.whole + (right === total ? 1 : 0),
      reports: sum.reports + 1,
      pages: sum.pages + (pages || parsed.document.pages || 0),
      ms: sum.ms + ms,
      cpuMs: sum.cpuMs + (cpu.user + cpu.system) / 1000,
    });
  }
  const line = Object.entries(totals)
    .map(([kind, byFormat]) => {
      const s = overall(byFormat);
      return `${kind} ${((100 * s.right) / s.total).toFixed(2)}%`;
    })
    .join(', ');
  console.log(`${i + 1}/${PER_FORMAT * 2} reports: ${line}`);
  save();
}

/** A row of figures for `kind`: both formats' sums or one format's. */
function figures(kind, s, baselineMs) {
  return {
    reports: s.reports,
    cells: `${s.right}/${s.total}`,
    pages: s.pages,
    cellsRight: Number(((100 * s.right) / s.total).toFixed(2)),
    reportsWhollyRight: s.whole,
    secondsPerPage: Number((s.ms / 1000 / s.pages).toFixed(2)),
    cpuSecondsPerPage: Number((s.cpuMs / 1000 / s.pages).toFixed(2)),
    timesTextPdf: kind === 'text' ? 1 : Number((s.ms / baselineMs).toFixed(1)),
  };
}

/** The figures so far, written after every report: a run stopped early keeps what it measured. */
function save() {
  const textMs = overall(totals.text).ms;
  const results = {};
  loads.push(loadavg()[0]);
  for (const [kind, byFormat] of Object.entries(totals)) {
    results[kind] = figures(kind, overall(byFormat), textMs);
    for (const format of FORMATS)
      results[`${kind} ${format}`] = figures(kind, byFormat[format], totals.text[format].ms);
  }
  writeFileSync(
    args.out ?? join(root, 'bench/ocr-results.json'),
    `${JSON.stringify({ perFormat: PER_FORMAT, from: FROM, load: loadRange(), results }, null, 2)}\n`,
  );
  return results;
}

console.table(save());
