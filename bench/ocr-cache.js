// OCR results of spoiled scans kept on disk, so the core's reading of them can be measured again
// and again (`bench/ocr-replay.js`) without OCR's seconds a page: OCR's output does not depend on
// the core. Each generated report (formats alternating, as bench/ocr.js) is rendered, scanned
// (bench/scans.js) and read by @xxgk/node's OcrReader once; its cells, the scan's bytes and the
// pages the reader handed the core go to one JSON file per scan. Needs `npm run build` first.
//
// Options: --from=<first seed> (default 97500), --reports=<n per format> (default 30),
// --variants=noise,skew (default noise; any of bench/scans.js's), --dir=<folder> (default /tmp/xxgk-ocr-cache),
// --node=<node dist folder> (default this checkout's packages/node/dist: another build's OCR, e.g. the
// start build's, with node_modules beside it).
// A scan already cached is skipped, so a stopped run goes on where it stopped.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scanOf } from './scans.js';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const PER_FORMAT = Number(args.reports ?? 30);
const FROM = Number(args.from ?? 97_500);
const VARIANTS = (args.variants ?? 'noise').split(',');
const DIR = args.dir ?? '/tmp/xxgk-ocr-cache';
const FORMATS = ['2019', '2021'];

const core = await import('../packages/core/dist/index.js');
const NODE = resolve(args.node ?? fileURLToPath(new URL('../packages/node/dist', import.meta.url)));
const { loadFonts, ocrReader } = await import(pathToFileURL(join(NODE, 'index.js')).href);
const ocr = ocrReader({ maxPages: 20, pageMs: 3_600_000 });
const fonts = await loadFonts();
mkdirSync(DIR, { recursive: true });

for (let i = 0; i < PER_FORMAT * 2; i += 1) {
  const format = FORMATS[i % 2];
  const seed = FROM + i;
  for (const variant of VARIANTS) {
    const file = join(DIR, `${variant}-${seed}.json`);
    if (existsSync(file)) continue;
    const report = core.generateReport(core.seededRandom(seed), { format });
    const pdf = await core.renderPdf(report, fonts);
    const scan = await scanOf(pdf, variant, seed, { organ: report.meta.agency });
    const started = process.cpuUsage();
    const pages = await ocr(new Uint8Array(scan.bytes), {});
    const cpu = process.cpuUsage(started);
    const record = { seed, format, variant, cells: report.cells, scan: scan.bytes.toString('base64'), pages };
    writeFileSync(file, JSON.stringify(record));
    console.log(
      `${variant} ${seed} (${format}): ${pages.length} pages, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`,
    );
  }
}
