// Single-core throughput of the core's check and renderers: `npm run bench` (after `npm run build`).
//
// Each operation runs in a process of its own, one after the other, on one thread: it generates a
// corpus of reports of both formats (2019 and 2021, alternating), warms up, then runs the operation
// over the corpus, report after report, for a fixed time budget. The table gives reports per second
// against the aims, the mean wall time and CPU time per report, and the process's peak resident
// memory (its own, as no other operation ran in it; "base" is the RSS before the operation first
// ran). The same figures go to bench/results.json.
//
// Options: --time=<ms per op> (default 3000), --reports=<corpus size> (default 200),
//          --only=<op,op,...> (check, html, markdown, docx, pdf, csv), --font=<path[#Face]>.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const TIME_MS = Number(args.time ?? 3000);
const CORPUS_SIZE = Number(args.reports ?? 200);
const FONT = args.font && args.font !== 'true' ? args.font : undefined;
const SEED = 20240501;
/** At most this many reports per op, so that a very fast op stops once its figure is steady. */
const MAX_OPS = 1_000_000;

/** name, aim in reports/s (if any), and whether the op is async. */
const OPS = [
  { name: 'check', aim: 20_000 },
  { name: 'html', aim: 5_000 },
  { name: 'markdown' },
  { name: 'docx', aim: 300, async: true },
  { name: 'pdf', aim: 50, async: true },
  { name: 'csv' },
];

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

if (args.child) await child(args.child);
else await parent();

/** Runs one op and prints its figures as JSON. */
async function child(name) {
  const core = await import('../packages/core/dist/index.js');
  const { chooseFont, loadFonts } = await import('../packages/node/dist/fonts.js');
  const reports = [];
  for (let i = 0; i < CORPUS_SIZE; i += 1) {
    reports.push(core.generateReport(core.seededRandom(SEED + i), { format: i % 2 === 0 ? '2019' : '2021' }));
  }
  const fonts = name === 'pdf' ? await loadFonts(FONT) : undefined;
  // The work on one report; it returns the size of what it made, which must not be nothing.
  const work = {
    // The corpus is valid, so checking finds nothing: count the findings plus one per report.
    check: (report) => core.checkReport({ report }).length + 1,
    html: (report) => core.renderHtml(report).length,
    markdown: (report) => core.renderMarkdown(report).length,
    docx: async (report) => (await core.renderDocx(report)).byteLength,
    pdf: async (report) => (await core.renderPdf(report, fonts)).byteLength,
    csv: (report) => core.renderCellsCsv([report]).length,
  }[name];
  const op = OPS.find((o) => o.name === name);
  if (!work || !op) throw new Error(`unknown op ${name}`);

  globalThis.gc?.();
  const baseRss = process.memoryUsage.rss();

  /** Runs the op over the corpus, cycling, until the budget or maxOps is spent. */
  async function measure(budgetMs, maxOps) {
    let sink = 0;
    let ops = 0;
    let peak = 0;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const deadline = start + budgetMs;
    let now = start;
    while (now < deadline && ops < maxOps) {
      if (op.async) {
        sink += await work(reports[ops % reports.length]);
        ops += 1;
      } else {
        // Fast synchronous ops: look at the clock and the memory every 16 reports only.
        for (let i = 0; i < 16; i += 1) {
          sink += work(reports[ops % reports.length]);
          ops += 1;
        }
      }
      now = performance.now();
      peak = Math.max(peak, process.memoryUsage.rss());
    }
    if (!(sink > 0)) throw new Error(`${name}: produced nothing`);
    const elapsedMs = now - start;
    const cpu = process.cpuUsage(cpuStart);
    return {
      ops,
      elapsedMs,
      perSecond: (ops * 1000) / elapsedMs,
      meanMs: elapsedMs / ops,
      // CPU time of the whole process (V8's GC threads too): less sensitive than wall time to a busy machine.
      cpuMsPerReport: (cpu.user + cpu.system) / 1000 / ops,
      sampledPeakRssBytes: peak,
    };
  }

  // Warm-up: the JIT, and the caches a process keeps (parsed fonts, table layouts), are ready.
  await measure(Math.min(750, TIME_MS / 4), op.async ? 25 : 20_000);
  globalThis.gc?.();
  const result = await measure(TIME_MS, MAX_OPS);
  const font = name === 'pdf' ? chooseFont(FONT) : undefined;
  process.stdout.write(
    JSON.stringify({
      op: name,
      aimPerSecond: op.aim ?? null,
      ...result,
      meetsAim: op.aim ? result.perSecond >= op.aim : null,
      baseRssBytes: baseRss,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      ...(font ? { font } : {}),
    }),
  );
}

async function parent() {
  const built = await Promise.all([
    import('../packages/core/dist/index.js'),
    import('../packages/node/dist/fonts.js'),
  ]).then(
    () => true,
    () => false,
  );
  if (!built) {
    console.error('bench: the packages are not built; run `npm run build` first');
    process.exit(1);
  }
  const only = args.only ? new Set(args.only.split(',')) : undefined;
  const ops = OPS.filter((op) => !only || only.has(op.name));
  const cpu = cpus()[0]?.model?.trim() ?? 'unknown';
  console.log(`node ${process.version} (${process.platform}/${process.arch}), V8 ${process.versions.v8}`);
  console.log(`CPU: ${cpu}; ${cpus().length} logical CPUs, ${mb(totalmem())} RAM; each op on one thread`);
  console.log(`corpus: ${CORPUS_SIZE} generated reports (2019 and 2021 alternating), seed ${SEED}`);
  console.log(`budget: ${TIME_MS} ms per op after warm-up, each op in a fresh process`);
  const load = loadavg().map((l) => l.toFixed(2));
  console.log(`load average: ${load.join(' ')} (figures are wall time: other work on the machine lowers them)\n`);

  const script = fileURLToPath(import.meta.url);
  const results = [];
  for (const op of ops) {
    const output = execFileSync(
      process.execPath,
      [
        '--expose-gc',
        script,
        `--child=${op.name}`,
        `--time=${TIME_MS}`,
        `--reports=${CORPUS_SIZE}`,
        ...(FONT ? [`--font=${FONT}`] : []),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
    );
    results.push(JSON.parse(output));
  }

  const font = results.find((r) => r.font)?.font;
  if (font) console.log(`PDF font: ${font.regular}${font.regularFace ? `#${font.regularFace}` : ''}\n`);
  const fmt = (n) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
  const header = ['op', 'reports', 'reports/s', 'aim', '', 'mean ms', 'CPU ms', 'peak RSS', 'base RSS'];
  const rows = results.map((r) => [
    r.op,
    String(r.ops),
    fmt(r.perSecond),
    r.aimPerSecond ? `≥ ${r.aimPerSecond.toLocaleString('en-US')}` : '—',
    r.meetsAim === null ? '' : r.meetsAim ? 'ok' : 'MISS',
    r.meanMs < 1 ? r.meanMs.toFixed(3) : r.meanMs.toFixed(2),
    r.cpuMsPerReport < 1 ? r.cpuMsPerReport.toFixed(3) : r.cpuMsPerReport.toFixed(2),
    mb(r.peakRssBytes),
    mb(r.baseRssBytes),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));

  const out = fileURLToPath(new URL('./results.json', import.meta.url));
  const json = `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      v8: process.versions.v8,
      platform: `${process.platform}/${process.arch}`,
      cpu,
      logicalCpus: cpus().length,
      loadAverage: loadavg(),
      corpus: { reports: CORPUS_SIZE, formats: ['2019', '2021'], seed: SEED },
      budgetMsPerOp: TIME_MS,
      results,
    },
    null,
    2,
  )}\n`;
  // Written as the repository's Prettier writes it, so that `npm run check` passes with the file in the tree.
  const prettier = await import('prettier').catch(() => undefined);
  const text = prettier ? await prettier.format(json, { ...(await prettier.resolveConfig(out)), filepath: out }) : json;
  writeFileSync(out, text);
  console.log(`\nresults written to ${out}`);
}
