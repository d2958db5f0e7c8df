// The national corpus at scale: `npm run bench:corpus` (after `npm run build`).
//
// In this order (the database parts first, so their peak RSS is theirs alone):
// 1. Queries: --reports (default 100,000) generated reports loaded into a throwaway PostgreSQL
//    database (xxgk_bench_corpus_<random>, dropped afterwards) straight from the generator's
//    figures (bench/support/corpus-rows.js; no parsing); the summary table of migration 0013 and
//    the outliers of 0014 refreshed (all years, then one year as an import batch does, then one
//    place of that year: the cell sums of 0017 are summed again only where reports changed); then
//    p50/p99 of each call the dashboard makes on the analysis service (bench/corpus/dashboard.js:
//    figures, choices, the reports behind a figure, outliers, a region's 汇总) over --runs runs
//    (default 20); the tables' sizes; the process's peak RSS. Aim: every call < 300 ms.
// 2. fdw: a second PostgreSQL cluster (bench/support/second-cluster.js) takes two years as
//    postgres_fdw foreign partitions; the summary and outliers are refreshed through them, and the
//    same calls are timed again, their answers checked equal and their times' ratio to all-local
//    shown.
// 3. Import rate: --text (default 1000) generated reports as plain text and --pdf (default 200) as
//    PDF (0 leaves a kind out), imported by the corpus import service on every core into a throwaway
//    database, and read alone on the worker pool (bench/corpus/import.js); with
//    --baseline=<dist folder of another build of packages/server> imported by that build too, in
//    the same run, and the ratio shown. CPU ms a file (this process and the database's server
//    processes) beside each rate: a loaded machine changes it far less than the rate. With
//    --pglite the import is into PGlite in memory instead (its CPU is this process's).
// Figures go to the console and to bench/results/corpus.json.
//
// With --baseline, parts 1 and 2 also time the same calls on that build's analysis service (same
// database, each run alternating the two), check its answers equal, and show both.
//
// Options: --reports=<n>, --runs=<n>, --seed=<n>, --text=<n>, --pdf=<n>, --baseline=<dir>,
//          --repeat=<n> (imports: this build and the baseline in turn, n times each),
//          --pglite, --only=<import,queries,fdw>
//          (BENCH_REPORTS and BENCH_RUNS in the environment too); XXGK_TEST_PG names the
//          PostgreSQL server as for the tests.

import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { answers, dashboardCalls, dashboardTargets, rounded, timeCalls } from './corpus/dashboard.js';
import { measureImport } from './corpus/import.js';
import { mb, ms, tableSizes, watchMemory } from './corpus/measure.js';
import { moveYearsToServer } from './support/corpus-fdw.js';
import { loadCorpus } from './support/corpus-rows.js';
import { requireBuild } from './support/child.js';
import { startSecondCluster } from './support/second-cluster.js';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const REPORTS = Number(args.reports ?? process.env.BENCH_REPORTS ?? 100_000);
const RUNS = Number(args.runs ?? process.env.BENCH_RUNS ?? 20);
const SEED = Number(args.seed ?? 15);
const ONLY = new Set((args.only ?? 'import,queries,fdw').split(','));
const AIM_MS = 300;
/** The year the parameterised calls look at, and the two years moved to the second cluster. */
const DASHBOARD_YEAR = 2023;
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
    const base = t.base
      ? `  baseline build p50 ${ms(t.base.p50).padStart(10)}  p99 ${ms(t.base.p99).padStart(10)}  this build ×${(t.p50 / t.base.p50).toFixed(2)}`
      : '';
    console.log(
      `    ${t.name.padEnd(40)} p50 ${ms(t.p50).padStart(10)}  p99 ${ms(t.p99).padStart(10)}${ratio}${aim}${base}`,
    );
  }
}

/**
 * Whether the baseline build's service answers each call as this build's does (fractions to
 * 1e-6, as after a move), and the names of those it does not.
 */
async function compareBaseline(calls, baseCalls) {
  if (!baseCalls) return undefined;
  const [ours, theirs] = [rounded(await answers(calls)), rounded(await answers(baseCalls))];
  const differing = Object.keys(ours).filter((name) => !isDeepStrictEqual(ours[name], theirs[name]));
  console.log(
    `  baseline build's answers: ${differing.length === 0 ? 'the same' : `DIFFERENT (${differing.join(', ')})`}`,
  );
  if (differing.length > 0) process.exitCode = 1;
  return differing;
}

/** Seconds `run` takes. */
async function seconds(run) {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

/**
 * Refreshes the summary tables, all years and then one year (as an import batch does). This build
 * sums a place's cells again only when its reports changed (0017's parts): with `client`, the
 * parts are emptied first, so that both refreshes do the work of a batch that changed every place
 * (as the baseline build always does), and then one prefecture's part alone is, as a batch touching
 * one place (`place`).
 */
async function refreshTimes(corpus, client) {
  const forget = (where = '') => client?.query(`DELETE FROM corpus_region_cell_parts ${where}`);
  await forget();
  const all = await seconds(() => corpus.refresh());
  await forget(`WHERE year = ${DASHBOARD_YEAR}`);
  const year = await seconds(() => corpus.refresh([DASHBOARD_YEAR]));
  if (!client) return { all, year };
  await forget(`WHERE year = ${DASHBOARD_YEAR} AND part = (SELECT part FROM corpus_region_cell_parts
    WHERE year = ${DASHBOARD_YEAR} AND length(part) = 4 ORDER BY split_part(reports, '/', 1)::int DESC LIMIT 1)`);
  const place = await seconds(() => corpus.refresh([DASHBOARD_YEAR]));
  return { all, year, place };
}

async function loadAndTime(client, corpus, errorRules, baseCorpus) {
  const memory = watchMemory();
  const started = performance.now();
  let shown = 0;
  const counts = await loadCorpus(client, { seed: SEED, reports: REPORTS }, 2000, (done) => {
    if (done - shown >= 10_000 || done === REPORTS) {
      shown = done;
      console.log(`  loaded ${done} reports (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  });
  const loadSeconds = (performance.now() - started) / 1000;
  // The baseline build's refresh first: it leaves this build's own tables (0015 on) unwritten.
  const baseRefresh = baseCorpus && (await refreshTimes(baseCorpus));
  const refresh = await refreshTimes(corpus, client);
  if (baseRefresh)
    console.log(
      `  refreshed by the baseline build: all years ${baseRefresh.all.toFixed(1)} s, one year ${baseRefresh.year.toFixed(1)} s; ` +
        `this build ${refresh.all.toFixed(1)} s, ${refresh.year.toFixed(1)} s, one place of the year ${refresh.place.toFixed(2)} s`,
    );
  const sizes = await tableSizes(client);
  const rollup = await client.query(
    `SELECT pg_total_relation_size('corpus_rollups')::bigint AS bytes, (SELECT count(*) FROM corpus_rollups)::int AS rows`,
  );
  sizes.rollup = Number(rollup.rows[0].bytes);
  sizes.rollup_rows = rollup.rows[0].rows;
  const targets = await dashboardTargets(client, errorRules, DASHBOARD_YEAR);
  const calls = dashboardCalls(corpus, targets);
  const baseCalls = baseCorpus && dashboardCalls(baseCorpus, targets);
  const differing = await compareBaseline(calls, baseCalls);
  const times = await timeCalls(calls, RUNS, baseCalls);
  console.log(`queries: ${counts.reports} reports of ${counts.organs} organs, loaded in ${loadSeconds.toFixed(0)} s`);
  console.log(
    `  sizes: reports ${mb(sizes.reports)} (indexes ${mb(sizes.report_indexes)}), organs ${mb(sizes.organs)}, files ${mb(sizes.files)}, ` +
      `summary ${mb(sizes.summary)} (${sizes.summary_rows} rows), rollup ${mb(sizes.rollup)} (${sizes.rollup_rows} rows), outliers ${mb(sizes.outliers)} (${sizes.outlier_rows} rows), ` +
      `both refreshed in ${refresh.all.toFixed(1)} s, one year ${refresh.year.toFixed(1)} s; ` +
      `a report row ${sizes.report_row} B (with figures ${sizes.report_row_with_figures} B: figures ${sizes.figures} B, sources ${sizes.sources} B)`,
  );
  printTimes(`the dashboard's calls on the analysis service (${JSON.stringify(targets)})`, times);
  const rss = memory.stop();
  console.log(`  peak RSS of this process: ${mb(rss)}`);
  return {
    calls,
    baseCalls,
    result: { ...counts, loadSeconds, refresh, sizes, targets, times, differing, baseRefresh, peakRss: rss },
  };
}

async function timeForeign(client, corpus, calls, local, baseCorpus, baseCalls) {
  const before = rounded(await answers(calls));
  const cluster = await startSecondCluster();
  try {
    const remote = new pg.Client({ connectionString: cluster.url });
    await remote.connect();
    const started = performance.now();
    const moved = await moveYearsToServer(client, remote, { port: cluster.port, years: MOVED_YEARS });
    const moveSeconds = (performance.now() - started) / 1000;
    await remote.end();
    // The summary table stays on this server: refreshed through the foreign partitions (the
    // baseline build's refresh first, as in loadAndTime).
    const baseRefresh = baseCalls && (await refreshTimes(baseCorpus));
    const refresh = await refreshTimes(corpus, client);
    if (baseRefresh)
      console.log(
        `  refreshed through them by the baseline build: all years ${baseRefresh.all.toFixed(1)} s, one year ${baseRefresh.year.toFixed(1)} s`,
      );
    const same = isDeepStrictEqual(rounded(await answers(calls)), before);
    const differing = await compareBaseline(calls, baseCalls);
    const times = await timeCalls(calls, RUNS, baseCalls);
    console.log(
      `fdw: years ${MOVED_YEARS.join(', ')} (${moved} reports) moved to a second cluster in ${moveSeconds.toFixed(1)} s; ` +
        `summary refreshed through them in ${refresh.all.toFixed(1)} s (×${(refresh.all / local.refresh.all).toFixed(2)}), ` +
        `one moved year ${refresh.year.toFixed(1)} s (×${(refresh.year / local.refresh.year).toFixed(2)}), one place of it ${refresh.place.toFixed(2)} s; answers ${same ? 'the same' : 'DIFFERENT'}`,
    );
    printTimes('the same calls, two years foreign (ratio to all-local)', times, local.times);
    if (!same) process.exitCode = 1;
    return { years: MOVED_YEARS, moved, moveSeconds, refresh, baseRefresh, sameAnswers: same, differing, times };
  } finally {
    await cluster.stop();
  }
}

/** Parts 1 and 2 in a migrated database at `url`; the fdw part's figures go in `.fdw`. */
async function queriesAndForeign(url) {
  const { openDatabase, createServices } = await import('../packages/server/dist/index.js');
  const { ERROR_RULES } = await import('../packages/server/dist/features/corpus-analysis/service.js');
  const handle = await openDatabase({ url, poolSize: 4 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const corpus = createServices(handle.db).corpusAnalysis;
    // Another build's service on the same database (its migrations are a prefix of this build's).
    const baseCorpus = args.baseline
      ? (await import(pathToFileURL(`${resolve(args.baseline)}/index.js`).href)).createServices(handle.db)
          .corpusAnalysis
      : undefined;
    const { calls, baseCalls, result } = await loadAndTime(client, corpus, ERROR_RULES, baseCorpus);
    if (ONLY.has('fdw')) result.fdw = await timeForeign(client, corpus, calls, result, baseCorpus, baseCalls);
    return result;
  } finally {
    await client.end();
    await handle.close();
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
      const { fdw, ...queries } = await queriesAndForeign(url.toString());
      results.queries = queries;
      if (fdw) results.fdw = fdw;
    } finally {
      await admin(`drop database if exists ${name} with (force)`);
    }
  }
  if (ONLY.has('import')) {
    results.import = [];
    const baseline = args.baseline ? pathToFileURL(`${resolve(args.baseline)}/`) : undefined;
    for (const [kind, count] of [
      ['text', Number(args.text ?? 1000)],
      ['pdf', Number(args.pdf ?? 200)],
    ]) {
      if (count === 0) continue;
      const memory = watchMemory();
      const measured = {
        ...(await measureImport(
          kind,
          count,
          SEED,
          args.pglite ? undefined : SERVER_URL,
          baseline,
          Number(args.repeat ?? 1),
        )),
        peakRss: memory.stop(),
      };
      results.import.push(measured);
      const { read, import: imported, baseline: before } = measured;
      const cpu = (m) =>
        args.pglite
          ? `CPU ${m.cpuMsPerFile.node.toFixed(2)} ms a file (node, PGlite in it)`
          : `CPU ${m.cpuMsPerFile.node.toFixed(2)} + ${m.cpuMsPerFile.postgres.toFixed(2)} ms a file (node + postgres; ` +
            `WAL writer, checkpointer, bgwriter ${m.cpuMsPerFile.background.toFixed(2)})`;
      // The summary tables' refresh at the batch's end: its share of the time, and the import without it.
      const refresh = (m) => {
        const { seconds, againSeconds, cpuMsPerFile: c } = m.refresh;
        const without = measured.reports / (m.seconds - seconds);
        return (
          `refresh ${seconds.toFixed(2)} s of ${m.seconds.toFixed(2)} s (${((100 * seconds) / m.seconds).toFixed(0)}%; ` +
          `run again ${againSeconds.toFixed(2)} s, CPU ${c.node.toFixed(2)} + ${c.postgres.toFixed(2)} ms a file); ` +
          `without it ${without.toFixed(1)} reports/s`
        );
      };
      console.log(
        `import (${measured.threads} threads): ${kind} ${measured.reports} reports (mean ${(measured.meanFileBytes / 1024).toFixed(1)} KB): ` +
          `read alone ${read.perSecond.toFixed(1)} reports/s ` +
          `(${read.failed} failed; CPU ${read.cpuMsPerFile.toFixed(2)} ms a file); peak RSS ${mb(measured.peakRss)}`,
      );
      const runs = measured.runs ?? { import: [imported], baseline: before ? [before] : [] };
      runs.import.forEach((m, i) => {
        const counts = Object.entries(m.summary)
          .map(([status, n]) => `${status} ${n}`)
          .join(', ');
        console.log(
          `  this build: ${m.perSecond.toFixed(1)} reports/s (${counts}; ${cpu(m)})` +
            `${kind === 'text' && m.perSecond < 500 ? ' (under the 500/s aim)' : ''}\n    ${refresh(m)}`,
        );
        const b = runs.baseline[i];
        if (b)
          console.log(
            `  baseline build: ${b.perSecond.toFixed(1)} reports/s (${cpu(b)}); this build ×${(m.perSecond / b.perSecond).toFixed(2)}` +
              `\n    ${refresh(b)}`,
          );
      });
    }
  }
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('results/corpus.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
}

await main();
