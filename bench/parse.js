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
//     spend for text, whatever else runs on the machine. pdftotext's start-up (an empty page) is
//     measured too, and the ratio also given to what it spends beyond it: half of its CPU on a
//     generated report is starting the process, which xxgk, reading a folder in one process, does once.
//   - PDF twice: with PDFium (WebAssembly, as the CLI and the server read) and with pdf.js (the
//     core's fallback without it); then both and pdftotext on the real and fixture PDFs
//     (fixtures/parse/pdf, ../shared/reports/real), read as they are, nothing checked.
// With pdf, a few clean scans of generated reports are read by OCR (bench/parse-ocr.js): seconds per
// page and the ratio to the same reports' text PDFs.
// Text is also read as published: the seeds (fixtures/seeds) and a crawler's text of real pages
// (fixtures/real), one core, nothing checked.
// With --against=<a built packages/core/dist of another commit>, every one-core figure is taken for
// both cores in the same run, in alternating blocks, and given as a ratio (this core's speed over
// that one's): how much a change sped the reader up, whatever else runs on the machine.
// Figures go to the console and to bench/parse-results.json.
//
// Options: --reports=<n per kind> (default 1000), --time=<ms per one-core run> (default 5000),
//          --only=<kind,...> (text, html, docx, doc, pdf), --baseline-files=<n> (default 200),
//          --against=<dir of core/dist>, --no-cli (skip the CLI runs),
//          --ocr-reports=<n> (default 2: clean scans of n reports, OCR seconds per page; 0 skips).

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ocrSecondsPerPage } from './parse-ocr.js';

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
/** The core to compare with (--against): its parseReport on the same bytes. */
const against = args.against ? await import(pathToFileURL(join(args.against, 'index.js')).href) : undefined;
const { loadFonts } = await import('../packages/node/dist/fonts.js');
const { readCMap } = await import('../packages/node/dist/cmaps.js');
const { loadPdfium } = await import('../packages/node/dist/pdfium.js');
const { inflatedSize } = await import('../packages/node/dist/inflate.js');
/** As the CLI reads: PDFs with PDFium, their streams measured with Node's zlib. */
const AS_CLI = { readCMap, pdfium: loadPdfium, inflate: inflatedSize };

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

/** A one-page PDF with one letter on it: what pdftotext costs on it is its start-up (the process, poppler's set-up). */
function emptyPagePdf() {
  const file = join(corpusRoot, 'empty-page.pdf');
  if (existsSync(file)) return file;
  const content = 'BT /F1 12 Tf 72 712 Td (x) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  mkdirSync(corpusRoot, { recursive: true });
  writeFileSync(file, pdf);
  return file;
}

/**
 * pdftotext -layout once per file, and its start-up alone (an empty page, as often): xxgk reads
 * every file in one process, so the ratio to pdftotext's whole cost is what a user sees, and the
 * ratio to what it costs beyond its start-up is the one of the reading itself.
 */
function pdftotext(files, repeat = 1) {
  const tool = baseline('pdftotext -layout', '/dev/null', files, repeat);
  const startup = baseline(
    'pdftotext -layout',
    '/dev/null',
    [emptyPagePdf()],
    Math.min(files.length, BASELINE_FILES) * repeat,
  );
  return { ...tool, startupCpuMs: startup.cpuMsPerReport };
}

/** The ratio to pdftotext as a whole, and to pdftotext beyond its start-up. */
const pdftotextRatios = (ours, tool) =>
  `${ratio(ours, tool)} (${(ours.cpuMsPerReport / (tool.cpuMsPerReport - tool.startupCpuMs)).toFixed(2)}× beyond its start-up)`;

/** CPU per file of reading `files` `repeat` times in this thread, nothing checked. */
async function readCost(files, options, repeat) {
  const inputs = files.map((file) => new Uint8Array(readFileSync(file)));
  for (const bytes of inputs) await core.parseReport(bytes, options);
  const cpu = await cpuMs(async () => {
    for (let r = 0; r < repeat; r += 1) for (const bytes of inputs) await core.parseReport(bytes, options);
  });
  return { cpuMsPerReport: cpu / (inputs.length * repeat) };
}

/**
 * This core against the --against core on the same files, in alternating blocks for the time budget
 * (both see the same machine), nothing checked: CPU ms per report of each, and the speed-up.
 */
async function versus(files, options = AS_CLI) {
  const inputs = files.map((file) => new Uint8Array(readFileSync(file)));
  const block = Math.max(Math.min(inputs.length, 500), 100);
  const blocks = { ours: [], theirs: [] };
  let done = 0;
  for (const bytes of inputs)
    await Promise.all([core.parseReport(bytes, options), against.parseReport(bytes, options)]);
  const start = performance.now();
  for (let round = 0; performance.now() - start < TIME_MS * 2 || round < 4; round += 1) {
    const order = round % 2 ? ['theirs', 'ours'] : ['ours', 'theirs'];
    for (const who of order) {
      const reader = who === 'ours' ? core : against;
      const cpu = await cpuMs(async () => {
        for (let i = 0; i < block; i += 1) await reader.parseReport(inputs[(done + i) % inputs.length], options);
      });
      blocks[who].push(cpu / block);
    }
    done += block;
  }
  // Medians of the blocks: a block slowed by the machine's other work does not count.
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
  return {
    cpuMsPerReport: median(blocks.ours),
    againstCpuMsPerReport: median(blocks.theirs),
    speedUp: median(blocks.ours.map((cpu, i) => blocks.theirs[i] / cpu)),
    sampled: done,
  };
}

const speedUp = (v) =>
  ` | against ${args.against}: ${(1000 / v.againstCpuMsPerReport).toFixed(0)}/s → ${(1000 / v.cpuMsPerReport).toFixed(0)}/s of CPU, ${v.speedUp.toFixed(2)}× (same run, ${v.sampled} each, medians of blocks)`;

const textFiles = (dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(dir, f))
    : [];

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
  const runCli = !('no-cli' in args);
  const multi = runCli ? allCores(dir, availableParallelism()) : undefined;
  const cliOne = runCli ? allCores(dir, 1) : undefined;
  const result = { files: files.length, oneCore: single, cliOneThread: cliOne, cliAllCores: multi };
  if (against) result.against = await versus(files);
  if (pdfjs) result.oneCorePdfJs = pdfjs;
  if (kind === 'docx' && hasCommand('pandoc')) result.baseline = baseline('pandoc -t plain', '', files);
  if (kind === 'pdf' && hasCommand('pdftotext')) result.baseline = pdftotext(files);
  results[kind] = result;
  const aim = AIMS[kind] ? ` (aim ${AIMS[kind]})` : '';
  console.log(
    `${kind.padEnd(5)} one core ${(1000 / single.cpuMsPerReport).toFixed(0).padStart(6)}/s of CPU${aim} (${single.reportsPerSecond.toFixed(0)}/s by the clock), ${single.cpuMsPerReport.toFixed(2)} ms CPU, ${single.wrong} of ${single.sampled} wrong | ` +
      (runCli
        ? `CLI -j1 ${cliOne.reportsPerSecond.toFixed(0)}/s, -j${multi.jobs} ${multi.reportsPerSecond.toFixed(0)}/s, peak ${multi.peakRssMb} MB`
        : 'CLI not run') +
      (result.against ? speedUp(result.against) : '') +
      (result.baseline
        ? ` | CPU per file: xxgk ${single.cpuMsPerReport.toFixed(1)} ms, ${result.baseline.command} ${result.baseline.cpuMsPerReport.toFixed(1)} ms` +
          (result.baseline.startupCpuMs
            ? ` (${result.baseline.startupCpuMs.toFixed(1)} ms of it start-up) → ${pdftotextRatios(single, result.baseline)}`
            : ` → ${ratio(single, result.baseline)}`) +
          (pdfjs
            ? ` (with pdf.js ${pdfjs.cpuMsPerReport.toFixed(1)} ms → ${ratio(pdfjs, result.baseline)}, ${pdfjs.wrong} wrong)`
            : '')
        : ''),
  );
}

// Text as published: the seeds, and a crawler's text of real pages (cells run together: the aligner reads them).
if (KINDS.includes('text')) {
  for (const [name, files] of [
    ['text seeds', textFiles(join(root, 'fixtures/seeds'))],
    ['text real', textFiles(join(root, 'fixtures/real'))],
  ]) {
    if (files.length === 0) continue;
    const repeat = Math.max(1, Math.round(2000 / files.length));
    const read = await readCost(files, AS_CLI, repeat);
    const result = { files: files.length, oneCore: read };
    if (against) result.against = await versus(files);
    results[name.replace(' ', '-')] = result;
    console.log(
      `${name} (${files.length} files × ${repeat}) one core ${(1000 / read.cpuMsPerReport).toFixed(0)}/s of CPU, ${read.cpuMsPerReport.toFixed(2)} ms CPU` +
        (result.against ? speedUp(result.against) : ''),
    );
  }
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
    const tool = pdftotext(files, repeat);
    results[name.replace(' ', '-')] = { files: files.length, pdfium, pdfjs, baseline: tool };
    console.log(
      `${name} (${files.length} files × ${repeat}) CPU per file: PDFium ${pdfium.cpuMsPerReport.toFixed(1)} ms → ${pdftotextRatios(pdfium, tool)}, ` +
        `pdf.js ${pdfjs.cpuMsPerReport.toFixed(1)} ms → ${ratio(pdfjs, tool)}, pdftotext -layout ${tool.cpuMsPerReport.toFixed(1)} ms (${tool.startupCpuMs.toFixed(1)} ms of it start-up)`,
    );
  }
}
// Scans: OCR seconds per page beside the text PDFs of the same reports (--ocr-reports=0 skips it).
const OCR_REPORTS = Number(args['ocr-reports'] ?? 2);
if (KINDS.includes('pdf') && OCR_REPORTS > 0 && hasCommand('pdftoppm')) {
  const node = await import('../packages/node/dist/index.js');
  const scans = await ocrSecondsPerPage(core, node, OCR_REPORTS);
  results['pdf-scans'] = scans;
  console.log(
    `pdf scans (${scans.reports} reports, ${scans.pages} pages, clean, 150 dpi) OCR ${scans.secondsPerPage.toFixed(2)} s per page by the clock, ` +
      `${scans.cpuSecondsPerPage.toFixed(2)} s of CPU (all threads), ${scans.timesTextPdf.toFixed(0)}× the text PDFs, cells right ${scans.cellsRight}`,
  );
}
writeFileSync(
  join(root, 'bench/parse-results.json'),
  `${JSON.stringify({ node: process.version, cpu: cpus()[0]?.model, reports: REPORTS, results }, null, 2)}\n`,
);
