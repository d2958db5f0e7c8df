// The reader on damaged PDFs: `npm run bench:pdf-damage` (after `npm run build`).
//
// For each kind of PDF damage (bench/support/pdf-damage.js: headers one character per line,
// headers turned 90°, tables broken across short pages), --reports generated reports of each
// format are rendered to HTML by the core, damaged by the kind's seeded CSS, printed to PDF by
// Debian's chromium, and read as `xxgk parse` reads an upload (PDFium, the CMaps). Every cell is
// scored against the truth by the core's scoreCells, as bench/damage.js scores damaged text:
// right, open (left empty), wrong, and wrong with high confidence (must be 0). Time per report is
// given apart for the print (chromium) and the read (this thread).
// Figures go to the console and to bench/pdf-damage-results.json (written after every report).
//
// Options: --reports=<n per format> (default 1000), --only=<kind,...>, --from=<first seed>
// (default 60000), --out=<file>, --core=<dir of a built packages/core/dist>: the reader to measure
// (default this checkout's; a baseline is the previous commit's dist copied aside), the reports
// still generated and scored by this checkout's core; --engine=pdfjs reads with pdf.js (as the
// browser does) instead of PDFium.

import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { damagedHtml, openPrinter, PDF_DAMAGE_KINDS } from './support/pdf-damage.js';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const PER_FORMAT = Number(args.reports ?? 1000);
const KINDS = args.only ? args.only.split(',') : PDF_DAMAGE_KINDS;
const FROM = Number(args.from ?? 60_000);
const FORMATS = ['2021', '2019'];
const OUT = args.out ?? fileURLToPath(new URL('pdf-damage-results.json', import.meta.url));

const core = await import('../packages/core/dist/index.js');
const reader = args.core ? await import(pathToFileURL(join(args.core, 'index.js')).href) : core;
const { loadPdfium, readCMap } = await import('../packages/node/dist/index.js');
// As `xxgk parse` reads a PDF; time is measured here, not limited (a loaded machine must not turn
// slow reads into open cells).
const ENGINE = args.engine ?? 'pdfium';
const reading = { readCMap, ...(ENGINE === 'pdfium' ? { pdfium: loadPdfium } : {}), limits: { timeoutMs: 3_600_000 } };

const pct = (part, whole) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(2)}%`);
const totals = Object.fromEntries(
  KINDS.map((kind) => [
    kind,
    Object.fromEntries(
      FORMATS.map((format) => [format, { reports: 0, whole: 0, printMs: 0, readMs: 0, ...core.emptyScore() }]),
    ),
  ]),
);
const loads = [];

function save() {
  const results = {};
  for (const [kind, byFormat] of Object.entries(totals)) {
    for (const [format, s] of Object.entries(byFormat)) {
      const cells = s.right + s.open + s.wrong;
      results[`${kind} ${format}`] = {
        reports: s.reports,
        cells,
        right: s.right,
        open: s.open,
        wrong: s.wrong,
        wrongSure: s.wrongSure,
        openUnnamed: s.openUnnamed,
        rightShare: cells ? Number(((100 * s.right) / cells).toFixed(3)) : null,
        reportsWhollyRight: s.whole,
        printMsPerReport: s.reports ? Math.round(s.printMs / s.reports) : null,
        readMsPerReport: s.reports ? Math.round(s.readMs / s.reports) : null,
      };
    }
  }
  const load = loads.length ? Number((loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(1)) : null;
  writeFileSync(
    OUT,
    `${JSON.stringify({ perFormat: PER_FORMAT, from: FROM, engine: ENGINE, meanLoad: load, results }, null, 2)}\n`,
  );
  return results;
}

const printer = await openPrinter();
try {
  for (const kind of KINDS) {
    for (let i = 0; i < PER_FORMAT * 2; i += 1) {
      const format = FORMATS[i % 2];
      const seed = FROM + i;
      const random = core.seededRandom(seed);
      const truth = core.generateReport(random, { format });
      let started = performance.now();
      const pdf = await printer.print(damagedHtml(core.renderHtml(truth), kind, random));
      const printMs = performance.now() - started;
      started = performance.now();
      const parsed = await reader.parseReport(pdf, reading);
      const readMs = performance.now() - started;
      const s = totals[kind][format];
      const before = { wrong: s.wrong, open: s.open, sure: s.wrongSure };
      core.scoreCells(s, truth, parsed);
      s.reports += 1;
      s.printMs += printMs;
      s.readMs += readMs;
      if (s.wrong === before.wrong && s.open === before.open) s.whole += 1;
      else {
        console.log(
          `  ${kind} r${seed} (${format}): ${s.wrong - before.wrong} wrong (${s.wrongSure - before.sure} sure), ${s.open - before.open} open`,
        );
      }
      loads.push(loadavg()[0]);
      if ((i + 1) % 50 === 0 || i + 1 === PER_FORMAT * 2) {
        save();
        const line = FORMATS.map((f) => {
          const t = totals[kind][f];
          return `${f} ${pct(t.right, t.right + t.open + t.wrong)} (sure and wrong ${t.wrongSure})`;
        }).join(', ');
        console.log(`${kind} ${i + 1}/${PER_FORMAT * 2}: ${line}`);
      }
    }
  }
} finally {
  await printer.close();
}
console.table(save());
