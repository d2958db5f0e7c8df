// Reading published reports: `npm run bench:parse` (after `npm run build`).
//
// A corpus of generated reports with non-zero figures (both formats, alternating) is written once
// per input kind under bench/.corpus/: text in the three layouts of the seeds, HTML, DOCX, PDF
// (rendered by the core), and legacy DOC (the DOCX converted by LibreOffice's "MS Word 97" filter).
// Then, for each kind:
//   - one core: parseReport() over the corpus bytes in this thread (reading, the rules included),
//     as reports per second of this thread's CPU time (the aim) and by the clock (which other
//     work on a shared machine slows);
//   - all cores: `xxgk parse DIR --cells -j N` over the kind's folder, as a user runs it;
//   - the baselines a user would reach for instead, on the same files, one process per file as a
//     user runs them: `pandoc -t plain` for DOCX and `pdftotext -layout` for PDF. They only produce
//     text. Compared by CPU time per file (ours: this thread's; theirs: the child processes'), so
//     that the ratio says how much more CPU xxgk spends for structure (cells, checked) than they
//     spend for text, whatever else runs on the machine.
//   - PDF twice: with PDFium (WebAssembly, as the CLI and the server read) and with pdf.js (the
//     core's fallback without it); then both and pdftotext on the real and fixture PDFs
//     (fixtures/parse/pdf, ../shared/reports/real), read as they are, nothing checked.
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
const { loadPdfium } = await import('../packages/node/dist/pdfium.js');
/** As the CLI reads: PDFs with PDFium. */
const AS_CLI = { readCMap, pdfium: loadPdfium };

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

/** CPU milliseconds of this thread (user and system) while `work` runs. */
async function cpuMs(work) {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** parseReport over the corpus in this thread, for a time budget; checks the cells of every report read. */
async function oneCore(files, options = AS_CLI) {
  const inputs = files.map((file) => new Uint8Array(readFileSync(file)));
  for (const bytes of inputs.slice(0, 20)) await core.parseReport(bytes, options);
  let done = 0;
  let wrong = 0;
  const start = performance.now();
  const cpu = await cpuMs(async () => {
    while (performance.now() - start < TIME_MS && done < inputs.length * 5) {
      const index = done % inputs.length;
      const { report } = await core.parseReport(inputs[index], options);
      const expected = reports[Number(/r(\d+)\.\w+$/.exec(files[index])[1])];
      if (!sameCells(report.cells, expected.cells)) wrong += 1;
      done += 1;
    }
  });
  const seconds = (performance.now() - start) / 1000;
  return {
    reportsPerSecond: done / seconds,
    msPerReport: (seconds * 1000) / done,
    cpuMsPerReport: cpu / done,
    wrong,
    sampled: done,
  };
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

/** A baseline tool run once per file, as a user runs it, with the CPU time of its processes (GNU time). */
function baseline(command, after, files, repeat = 1) {
  const sample = files.slice(0, BASELINE_FILES);
  const script = `for i in $(seq ${repeat}); do for f in "$@"; do ${command} "$f" ${after} >/dev/null 2>&1; done; done`;
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S %e', 'sh', '-c', script, 'sh', ...sample], { encoding: 'utf8' });
  const [user, system, seconds] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
  const n = sample.length * repeat;
  return { command, files: sample.length, reportsPerSecond: n / seconds, cpuMsPerReport: ((user + system) * 1000) / n };
}

/** CPU per file of reading `files` `repeat` times in this thread, nothing checked. */
async function readCost(files, options, repeat) {
  const inputs = files.map((file) => new Uint8Array(readFileSync(file)));
  for (const bytes of inputs) await core.parseReport(bytes, options);
  const cpu = await cpuMs(async () => {
    for (let r = 0; r < repeat; r += 1) for (const bytes of inputs) await core.parseReport(bytes, options);
  });
  return { cpuMsPerReport: cpu / (inputs.length * repeat) };
}

const ratio = (ours, theirs) => `${(ours.cpuMsPerReport / theirs.cpuMsPerReport).toFixed(2)}×`;

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
  const pdfjs = kind === 'pdf' ? await oneCore(files, { readCMap }) : undefined;
  const multi = allCores(dir, availableParallelism());
  const cliOne = allCores(dir, 1);
  const result = { files: files.length, oneCore: single, cliOneThread: cliOne, cliAllCores: multi };
  if (pdfjs) result.oneCorePdfJs = pdfjs;
  if (kind === 'docx' && hasCommand('pandoc')) result.baseline = baseline('pandoc -t plain', '', files);
  if (kind === 'pdf' && hasCommand('pdftotext')) result.baseline = baseline('pdftotext -layout', '/dev/null', files);
  results[kind] = result;
  const aim = AIMS[kind] ? ` (aim ${AIMS[kind]})` : '';
  console.log(
    `${kind.padEnd(5)} one core ${(1000 / single.cpuMsPerReport).toFixed(0).padStart(6)}/s of CPU${aim} (${single.reportsPerSecond.toFixed(0)}/s by the clock), ${single.cpuMsPerReport.toFixed(2)} ms CPU, ${single.wrong} of ${single.sampled} wrong | ` +
      `CLI -j1 ${cliOne.reportsPerSecond.toFixed(0)}/s, -j${multi.jobs} ${multi.reportsPerSecond.toFixed(0)}/s, peak ${multi.peakRssMb} MB` +
      (result.baseline
        ? ` | CPU per file: xxgk ${single.cpuMsPerReport.toFixed(1)} ms, ${result.baseline.command} ${result.baseline.cpuMsPerReport.toFixed(1)} ms → ${ratio(single, result.baseline)}` +
          (pdfjs
            ? ` (with pdf.js ${pdfjs.cpuMsPerReport.toFixed(1)} ms → ${ratio(pdfjs, result.baseline)}, ${pdfjs.wrong} wrong)`
            : '')
        : ''),
  );
}

// Real and fixture PDFs (made by WPS, LibreOffice, Word-like producers): the same three readers on the same files.
if (KINDS.includes('pdf') && hasCommand('pdftotext')) {
  const fixtures = ['libreoffice-2019', 'libreoffice-2021', 'xxgk-2021', 'cid-ucs2-borderless'].map((name) =>
    join(root, `fixtures/parse/pdf/${name}.pdf`),
  );
  const realDir = join(root, '../shared/reports/real');
  const real = existsSync(realDir)
    ? readdirSync(realDir)
        .filter((f) => f.endsWith('.pdf'))
        .map((f) => join(realDir, f))
    : [];
  for (const [name, files] of [
    ['pdf fixtures', fixtures],
    ['pdf real', real],
  ]) {
    if (files.length === 0) continue;
    const repeat = Math.max(1, Math.round(60 / files.length));
    const pdfium = await readCost(files, AS_CLI, repeat);
    const pdfjs = await readCost(files, { readCMap }, repeat);
    const tool = baseline('pdftotext -layout', '/dev/null', files, repeat);
    results[name.replace(' ', '-')] = { files: files.length, pdfium, pdfjs, baseline: tool };
    console.log(
      `${name} (${files.length} files × ${repeat}) CPU per file: PDFium ${pdfium.cpuMsPerReport.toFixed(1)} ms → ${ratio(pdfium, tool)}, ` +
        `pdf.js ${pdfjs.cpuMsPerReport.toFixed(1)} ms → ${ratio(pdfjs, tool)}, pdftotext -layout ${tool.cpuMsPerReport.toFixed(1)} ms`,
    );
  }
}
writeFileSync(
  join(root, 'bench/parse-results.json'),
  `${JSON.stringify({ node: process.version, cpu: cpus()[0]?.model, reports: REPORTS, results }, null, 2)}\n`,
);
