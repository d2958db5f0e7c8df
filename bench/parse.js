// Reading published reports: `npm run bench:parse` (after `npm run build`).
//
// A corpus of generated reports with non-zero figures (both formats, alternating) is written once
// per input kind under bench/.corpus/: text in the three layouts of the seeds, HTML, DOCX, PDF
// (rendered by the core), and legacy DOC (the DOCX converted by LibreOffice's "MS Word 97" filter).
// Then, for each kind:
//   - one core: parseReport() over the corpus bytes in this thread (reading, the rules included);
//   - all cores: `xxgk parse DIR --cells -j N` over the kind's folder, as a user runs it;
//   - the baselines a user would reach for instead, on the same files, one process per file as a
//     user runs them: `pandoc -t plain` for DOCX and `pdftotext -layout` for PDF. They only produce
//     text; the ratio says how many times faster xxgk produces structure.
// Figures go to the console and to bench/parse-results.json.
//
// Options: --reports=<n per kind> (default 1000), --time=<ms per one-core run> (default 5000),
//          --only=<kind,...> (text, html, docx, doc, pdf), --baseline-files=<n> (default 200).

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const REPORTS = Number(args.reports ?? 1000);
const TIME_MS = Number(args.time ?? 5000);
const BASELINE_FILES = Number(args['baseline-files'] ?? 200);
const KINDS = (args.only ?? 'text,html,docx,doc,pdf').split(',');
const AIMS = { text: 2000, html: 1000, docx: 300, pdf: 30 };

const root = fileURLToPath(new URL('..', import.meta.url));
const corpusRoot = join(root, 'bench/.corpus');
const cli = join(root, 'packages/cli/bin/xxgk.js');

const core = await import('../packages/core/dist/index.js');
const { loadFonts } = await import('../packages/node/dist/fonts.js');
const { readCMap } = await import('../packages/node/dist/cmaps.js');

const reports = Array.from({ length: REPORTS }, (_, i) =>
  core.generateReport(core.seededRandom(90_000 + i), { format: i % 2 ? '2021' : '2019' }),
);

/** Writes the kind's corpus unless it is there already, and returns its files. */
async function corpus(kind) {
  const dir = join(corpusRoot, `${kind}-${REPORTS}`);
  if (existsSync(join(dir, '.complete')))
    return readdirSync(dir)
      .filter((f) => !f.startsWith('.'))
      .map((f) => join(dir, f));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const encoder = new TextEncoder();
  const fonts = kind === 'pdf' ? await loadFonts() : undefined;
  if (kind === 'doc') {
    const docx = await corpus('docx');
    execFileSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${corpusRoot}/lo-profile`,
        '--convert-to',
        'doc:MS Word 97',
        '--outdir',
        dir,
        ...docx,
      ],
      { stdio: 'ignore', timeout: 1_800_000 },
    );
  } else {
    for (const [i, report] of reports.entries()) {
      const name = join(dir, `r${String(i).padStart(4, '0')}`);
      if (kind === 'text')
        writeFileSync(`${name}.txt`, encoder.encode(core.renderText(report, ['lines', 'pipe', 'tab'][i % 3])));
      if (kind === 'html') writeFileSync(`${name}.html`, core.renderHtml(report));
      if (kind === 'docx') writeFileSync(`${name}.docx`, await core.renderDocx(report));
      if (kind === 'pdf') writeFileSync(`${name}.pdf`, await core.renderPdf(report, fonts));
    }
  }
  writeFileSync(join(dir, '.complete'), '');
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .map((f) => join(dir, f));
}

function sameCells(a, b) {
  const keys = Object.keys(b);
  return Object.keys(a).length === keys.length && keys.every((id) => a[id] === b[id]);
}

/** parseReport over the corpus in this thread, for a time budget; checks the cells of every report read. */
async function oneCore(files) {
  const inputs = files.map((file) => new Uint8Array(readFileSync(file)));
  for (const bytes of inputs.slice(0, 20)) await core.parseReport(bytes, { readCMap });
  let done = 0;
  let wrong = 0;
  const start = performance.now();
  while (performance.now() - start < TIME_MS && done < inputs.length * 5) {
    const index = done % inputs.length;
    const { report } = await core.parseReport(inputs[index], { readCMap });
    const expected = reports[Number(/r(\d+)\.\w+$/.exec(files[index])[1])];
    if (!sameCells(report.cells, expected.cells)) wrong += 1;
    done += 1;
  }
  const seconds = (performance.now() - start) / 1000;
  return { reportsPerSecond: done / seconds, msPerReport: (seconds * 1000) / done, wrong, sampled: done };
}

/** The CLI over the kind's folder on every core, with its peak memory from GNU time. */
function allCores(dir, jobs) {
  const start = performance.now();
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', '%M', 'node', cli, 'parse', dir, '--cells', '-o', '/dev/null', '-j', String(jobs), '--no-progress'],
    { encoding: 'utf8' },
  );
  const seconds = (performance.now() - start) / 1000;
  const files = readdirSync(dir).filter((f) => !f.startsWith('.')).length;
  const peakKb = Number(run.stderr.trim().split('\n').pop());
  return { jobs, reportsPerSecond: files / seconds, seconds, peakRssMb: Math.round(peakKb / 1024), exit: run.status };
}

/** A baseline tool run once per file, as a user runs it. */
function baseline(command, argsFor, files) {
  const sample = files.slice(0, BASELINE_FILES);
  const start = performance.now();
  for (const file of sample) execFileSync(command, argsFor(file), { stdio: ['ignore', 'ignore', 'ignore'] });
  const seconds = (performance.now() - start) / 1000;
  return { command, files: sample.length, reportsPerSecond: sample.length / seconds };
}

const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

console.log(
  `node ${process.version} · ${cpus()[0]?.model ?? 'unknown CPU'} · ${availableParallelism()} cores · ${REPORTS} reports per kind`,
);
const results = {};
for (const kind of KINDS) {
  if (kind === 'doc' && !hasCommand('soffice')) {
    console.log('doc: LibreOffice (soffice) not installed, skipped');
    continue;
  }
  const files = await corpus(kind);
  const dir = join(corpusRoot, `${kind}-${REPORTS}`);
  const single = await oneCore(files);
  const multi = allCores(dir, availableParallelism());
  const cliOne = allCores(dir, 1);
  const result = { files: files.length, oneCore: single, cliOneThread: cliOne, cliAllCores: multi };
  if (kind === 'docx' && hasCommand('pandoc')) result.baseline = baseline('pandoc', (f) => ['-t', 'plain', f], files);
  if (kind === 'pdf' && hasCommand('pdftotext'))
    result.baseline = baseline('pdftotext', (f) => ['-layout', f, '/dev/null'], files);
  results[kind] = result;
  const aim = AIMS[kind] ? ` (aim ${AIMS[kind]})` : '';
  console.log(
    `${kind.padEnd(5)} one core ${single.reportsPerSecond.toFixed(0).padStart(6)}/s${aim}, ${single.msPerReport.toFixed(2)} ms, ${single.wrong} of ${single.sampled} wrong | ` +
      `CLI -j1 ${cliOne.reportsPerSecond.toFixed(0)}/s, -j${multi.jobs} ${multi.reportsPerSecond.toFixed(0)}/s, peak ${multi.peakRssMb} MB` +
      (result.baseline
        ? ` | ${result.baseline.command} ${result.baseline.reportsPerSecond.toFixed(1)}/s → xxgk one core ${(single.reportsPerSecond / result.baseline.reportsPerSecond).toFixed(1)}×, CLI ${(multi.reportsPerSecond / result.baseline.reportsPerSecond).toFixed(1)}×`
        : ''),
  );
}
writeFileSync(
  join(root, 'bench/parse-results.json'),
  `${JSON.stringify({ node: process.version, cpu: cpus()[0]?.model, reports: REPORTS, results }, null, 2)}\n`,
);
