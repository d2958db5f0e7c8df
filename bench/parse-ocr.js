// OCR seconds per page for `npm run bench:parse` (the issue asks them in the same run as the
// reader's other figures): a few generated reports rendered to PDF, rasterised and re-wrapped as
// clean image-only scans (bench/scans.js), read by parseReport with @xxgk/node's OCR as `xxgk parse`
// reads them. Baseline: the same reports' text PDFs read in the same run. `npm run bench:ocr` gives
// the full accuracy figures over many reports and spoiled scans.

import { performance } from 'node:perf_hooks';
import { scanOf } from './scans.js';

/** Process CPU (all threads: onnxruntime runs its own) and clock milliseconds while `work` runs. */
async function timed(work) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const cpu = process.cpuUsage(cpuBefore);
  return { value, ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * Reads `count` reports (formats alternating, seeds from 97000) as text PDFs and as clean scans.
 * Returns seconds per page (clock and CPU), the ratio to the text PDFs and the cells read right.
 */
export async function ocrSecondsPerPage(core, node, count) {
  const fonts = await node.loadFonts();
  // Time is measured here, not limited: a busy machine must not turn slow pages into failures.
  const ocr = node.ocrReader({ maxPages: 20, pageMs: 3_600_000 });
  const sums = { pages: 0, scanMs: 0, scanCpuMs: 0, textMs: 0, right: 0, cells: 0 };
  for (let i = 0; i < count; i += 1) {
    const report = core.generateReport(core.seededRandom(97_000 + i), { format: i % 2 ? '2021' : '2019' });
    const pdf = await core.renderPdf(report, fonts);
    const scan = await scanOf(pdf, 'clean', 97_000 + i);
    const text = await timed(() =>
      core.parseReport(new Uint8Array(pdf), { readCMap: node.readCMap, pdfium: node.loadPdfium }),
    );
    const read = await timed(() => core.parseReport(new Uint8Array(scan.bytes), { readCMap: node.readCMap, ocr }));
    const ids = Object.keys(report.cells);
    sums.pages += scan.pages;
    sums.scanMs += read.ms;
    sums.scanCpuMs += read.cpuMs;
    sums.textMs += text.ms;
    sums.right += ids.filter((id) => read.value.report.cells[id] === report.cells[id]).length;
    sums.cells += ids.length;
  }
  return {
    reports: count,
    pages: sums.pages,
    secondsPerPage: sums.scanMs / 1000 / sums.pages,
    cpuSecondsPerPage: sums.scanCpuMs / 1000 / sums.pages,
    timesTextPdf: sums.scanMs / sums.textMs,
    cellsRight: `${sums.right}/${sums.cells}`,
  };
}
