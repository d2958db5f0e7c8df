// The national corpus at scale: `npm run bench:corpus` (after `npm run build`).
//
// In this order (the database parts first, so their peak RSS is theirs alone):
// 1. Queries: --reports (default 100,000) generated reports loaded into a throwaway PostgreSQL
//    database (xxgk_bench_corpus_<random>, dropped afterwards) straight from the generator's
//    figures (bench/support/corpus-rows.js; no parsing), then p50/p99 of each dashboard query
//    (bench/support/corpus-queries.js) read from corpus_reports (--raw-runs runs, default 10: they
//    unpack the JSONB) and from a summary table (--runs, default 30); the tables' sizes; the
//    process's peak RSS. Aim: every query < 300 ms.
// 2. fdw: a second PostgreSQL cluster (bench/support/second-cluster.js) takes two years as
//    postgres_fdw foreign partitions; the same queries, their answers checked equal, the ratio of
//    their times to all-local, and the summary table refilled through the foreign partitions.
// 3. Import rate: --text (default 1000) generated reports as plain text and --pdf (default 200) as
//    PDF, imported by the corpus import service on every core into a throwaway database, and read
//    alone on the worker pool (bench/corpus/import.js).
// Figures go to the console and to bench/results/corpus.json.
//
// Options: --reports=<n>, --runs=<n>, --raw-runs=<n>, --seed=<n>, --text=<n>, --pdf=<n>, --only=<import,queries,fdw>;
//          XXGK_TEST_PG names the PostgreSQL server as for the tests.

import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { measureImport } from './corpus/import.js';
import { mb, ms, tableSizes, timeQueries, watchMemory } from './corpus/measure.js';
import { moveYearsToServer } from './support/corpus-fdw.js';
import {
  DASHBOARD_YEAR,
  SUMMARY_TABLE,
  createSummary,
  dashboardQueries,
  runDashboard,
} from './support/corpus-queries.js';
import { loadCorpus } from './support/corpus-rows.js';
import { requireBuild } from './support/child.js';
import { startSecondCluster } from './support/second-cluster.js';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const REPORTS = Number(args.reports ?? 100_000);
const RUNS = Number(args.runs ?? 30);
/** Runs of the queries that unpack JSONB (seconds each at 100,000 reports): fewer. */
const RAW_RUNS = Number(args['raw-runs'] ?? 10);
const SEED = Number(args.seed ?? 15);
const ONLY = new Set((args.only ?? 'import,queries,fdw').split(','));
const AIM_MS = 300;
const MOVED_YEARS = [DASHBOARD_YEAR - 1, DASHBOARD_YEAR];
const SERVER_URL = process.env.XXGK_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

async function admin(text) {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function printTimes(label, times, baseline) {
  console.log(`  ${label}`);
  for (const t of times) {
    const ratio = baseline ? `  ×${(t.p50 / baseline.find((b) => b.name === t.name).p50).toFixed(2)}` : '';
    const aim = t.p99 < AIM_MS ? '' : '  (over the 300 ms aim)';
    console.log(
      `    ${t.name.padEnd(22)} p50 ${ms(t.p50).padStart(10)}  p99 ${ms(t.p99).padStart(10)}  ${t.rows} rows${ratio}${aim}`,
    );
  }
}

async function loadAndTime(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const memory = watchMemory();
  try {
    const started = performance.now();
    let shown = 0;
    const counts = await loadCorpus(client, { seed: SEED, reports: REPORTS }, 2000, (done) => {
      if (done - shown >= 10_000 || done === REPORTS) {
        shown = done;
        console.log(`  loaded ${done} reports (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
    });
    const loadSeconds = (performance.now() - started) / 1000;
    const summaryStarted = performance.now();
    await createSummary(client);
    const summarySeconds = (performance.now() - summaryStarted) / 1000;
    const sizes = await tableSizes(client, SUMMARY_TABLE);
    const raw = await timeQueries(client, dashboardQueries(), RAW_RUNS);
    const summary = await timeQueries(client, dashboardQueries(SUMMARY_TABLE), RUNS);
    console.log(`queries: ${counts.reports} reports of ${counts.organs} organs, loaded in ${loadSeconds.toFixed(0)} s`);
    console.log(
      `  sizes: reports ${mb(sizes.reports)} (indexes ${mb(sizes.report_indexes)}), organs ${mb(sizes.organs)}, files ${mb(sizes.files)}, ` +
        `summary ${mb(sizes.summary)} (made in ${summarySeconds.toFixed(1)} s); a report row ${sizes.report_row} B ` +
        `(with figures ${sizes.report_row_with_figures} B: figures ${sizes.figures} B, sources ${sizes.sources} B)`,
    );
    printTimes('from corpus_reports (figures unpacked from JSONB)', raw);
    printTimes(`from the summary table ${SUMMARY_TABLE}`, summary);
    const rss = memory.stop();
    console.log(`  peak RSS of this process: ${mb(rss)}`);
    return { client, result: { ...counts, loadSeconds, summarySeconds, sizes, raw, summary, peakRss: rss } };
  } catch (error) {
    await client.end();
    throw error;
  }
}

async function timeForeign(client, local) {
  const before = await runDashboard(client);
  const cluster = await startSecondCluster();
  try {
    const remote = new pg.Client({ connectionString: cluster.url });
    await remote.connect();
    const started = performance.now();
    const moved = await moveYearsToServer(client, remote, { port: cluster.port, years: MOVED_YEARS });
    const moveSeconds = (performance.now() - started) / 1000;
    await remote.end();
    const same = isDeepStrictEqual(await runDashboard(client), before);
    const raw = await timeQueries(client, dashboardQueries(), RAW_RUNS);
    await client.query('SET enable_partitionwise_aggregate = on');
    const partitionwise = await timeQueries(client, dashboardQueries(), RAW_RUNS);
    await client.query('RESET enable_partitionwise_aggregate');
    // The summary table stays on this server: refilled through the foreign partitions, then read locally.
    const refillStarted = performance.now();
    await createSummary(client);
    const summarySeconds = (performance.now() - refillStarted) / 1000;
    const summary = await timeQueries(client, dashboardQueries(SUMMARY_TABLE), RUNS);
    console.log(
      `fdw: years ${MOVED_YEARS.join(', ')} (${moved} reports) moved to a second cluster in ${moveSeconds.toFixed(1)} s; answers ${same ? 'the same' : 'DIFFERENT'}`,
    );
    printTimes('from corpus_reports, two years foreign (ratio to all-local)', raw, local.raw);
    printTimes('the same with enable_partitionwise_aggregate', partitionwise, local.raw);
    printTimes(
      `from the summary table, refilled through the foreign partitions in ${summarySeconds.toFixed(1)} s`,
      summary,
      local.summary,
    );
    if (!same) process.exitCode = 1;
    return { years: MOVED_YEARS, moved, moveSeconds, sameAnswers: same, raw, partitionwise, summarySeconds, summary };
  } finally {
    await cluster.stop();
  }
}

async function main() {
  await requireBuild('bench:corpus');
  const results = {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memory: mb(totalmem()) },
    reports: REPORTS,
    seed: SEED,
    runs: RUNS,
  };
  if (ONLY.has('queries') || ONLY.has('fdw')) {
    const name = `xxgk_bench_corpus_${randomBytes(6).toString('hex')}`;
    await admin(`create database ${name}`);
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    try {
      const { openDatabase } = await import('../packages/server/dist/db/database.js');
      await (await openDatabase({ url: url.toString() })).close();
      const { client, result } = await loadAndTime(url.toString());
      results.queries = result;
      try {
        if (ONLY.has('fdw')) results.fdw = await timeForeign(client, result);
      } finally {
        await client.end();
      }
    } finally {
      await admin(`drop database if exists ${name} with (force)`);
    }
  }
  if (ONLY.has('import')) {
    results.import = [];
    for (const [kind, count] of [
      ['text', Number(args.text ?? 1000)],
      ['pdf', Number(args.pdf ?? 200)],
    ]) {
      const memory = watchMemory();
      const measured = { ...(await measureImport(kind, count, SEED, SERVER_URL)), peakRss: memory.stop() };
      results.import.push(measured);
      const { read, import: imported } = measured;
      const counts = Object.entries(imported.summary)
        .map(([status, n]) => `${status} ${n}`)
        .join(', ');
      console.log(
        `import (${measured.threads} threads): ${kind} ${measured.reports} reports (mean ${(measured.meanFileBytes / 1024).toFixed(1)} KB): ` +
          `imported ${imported.perSecond.toFixed(1)} reports/s (${counts}); read alone ${read.perSecond.toFixed(1)} reports/s ` +
          `(${read.failed} failed); peak RSS ${mb(measured.peakRss)}${kind === 'text' && imported.perSecond < 500 ? ' (under the 500/s aim)' : ''}`,
      );
    }
  }
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('results/corpus.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
}

await main();
