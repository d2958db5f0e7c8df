// Scans' cached OCR results (bench/ocr-cache.js) read again by one or more builds of the core, in
// the same run and on the same pages: the OCR is done once, so a change to how the core reads OCR
// boxes is measured in seconds, against the start build, report for report. Per build, variant and
// format: cells right, wrong (a value other than the report's), sure (of those, given with high
// confidence: the failure that must not happen), open (no value where the report has one) and unnamed
// (of those, open cells no finding names), scored by the build's own `scoreCells` as bench/damage.js.
//
// Options: --dir=<cache folder> (default /tmp/xxgk-ocr-cache), --cores=<core dist folder>,… (default
// this checkout's packages/core/dist; a build copied elsewhere needs node_modules beside it),
// --show (each scan's wrong and open cells), --out=<file> (the figures as JSON).

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const DIR = args.dir ?? '/tmp/xxgk-ocr-cache';
const root = fileURLToPath(new URL('..', import.meta.url));
const CORES = (args.cores ?? join(root, 'packages/core/dist')).split(',');
const { readCMap } = await import('../packages/node/dist/index.js');

const builds = [];
for (const dir of CORES) builds.push({ dir, core: await import(pathToFileURL(join(resolve(dir), 'index.js')).href) });

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const totals = {};
for (const file of files) {
  const record = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
  const bytes = Buffer.from(record.scan, 'base64');
  const ocr = async () => record.pages;
  for (const { dir, core } of builds) {
    const parsed = await core.parseReport(new Uint8Array(bytes), { readCMap, ocr });
    const got = parsed.report.cells;
    const key = `${dir} ${record.variant} ${record.format}`;
    const sum = (totals[key] ??= { reports: 0, right: 0, wrong: 0, sure: 0, open: 0, unnamed: 0, whole: 0 });
    const score = core.scoreCells(core.emptyScore(), { cells: record.cells }, parsed);
    const wrong = [];
    const open = [];
    for (const [id, value] of Object.entries(record.cells)) {
      if (got[id] === value) continue;
      if (got[id] === null || got[id] === undefined) open.push(`${id}=${value}`);
      else wrong.push(`${id}=${value} read ${got[id]}`);
    }
    const cells = Object.keys(record.cells).length;
    Object.assign(sum, {
      reports: sum.reports + 1,
      right: sum.right + cells - wrong.length - open.length,
      wrong: sum.wrong + wrong.length,
      sure: sum.sure + score.wrongSure,
      open: sum.open + open.length,
      unnamed: sum.unnamed + score.openUnnamed,
      whole: sum.whole + (wrong.length + open.length === 0 ? 1 : 0),
    });
    if (args.show && wrong.length + open.length > 0)
      console.log(`${file} [${dir}]\n  wrong: ${wrong.join(', ')}\n  open: ${open.join(', ')}`);
  }
}
console.table(totals);
if (args.out) writeFileSync(args.out, `${JSON.stringify(totals, null, 2)}\n`);
