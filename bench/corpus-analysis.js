// The corpus dashboard's queries at scale: `npm run bench:corpus-analysis` (after `npm run build`).
//
// A throwaway PostgreSQL database (xxgk_bench_<random>, dropped afterwards) gets the migrations and
// a corpus of BENCH_REPORTS current reports (default 100,000): 20,000 organs spread over the
// country's counties, prefectures and provinces (core's region table), five years (2021–2025) of
// 2021-format figures each (drawn from a pool of 300 core-generated tables), one in fifty with a cell broken so that the rules fail.
// Rows go in with multi-row INSERTs (the import is another feature's). Then it times the summary
// refresh (all years, and one year as an import batch does), and each dashboard query RUNS times:
// p50 and p99 against the aim of 300 ms. Figures go to the console and bench/results/corpus-analysis.json.
//
// Options: BENCH_REPORTS=<n> (default 100000), BENCH_RUNS=<n> (default 20); XXGK_TEST_PG names the
// PostgreSQL server as for the tests (default postgres://postgres@127.0.0.1:5432/test).

import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { REGIONS, generateReport, seededRandom, checkReport } from '../packages/core/dist/index.js';
import { createServices, openDatabase } from '../packages/server/dist/index.js';
import { refreshCorpusSummaries } from '../packages/server/dist/features/corpus-analysis/service.js';

const SERVER_URL = process.env.XXGK_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const REPORTS = Number(process.env.BENCH_REPORTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const YEARS = [2021, 2022, 2023, 2024, 2025];
const AIM_MS = 300;

async function admin(text) {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const counties = [...REGIONS.values()].filter((r) => r.level === 'county');
const prefectures = [...REGIONS.values()].filter((r) => r.level === 'prefecture');

function organ(i, random) {
  // Most organs are county departments; some prefecture ones; a few governments.
  const atPrefecture = random() < 0.2;
  const region = atPrefecture ? prefectures[i % prefectures.length] : counties[i % counties.length];
  const government = random() < 0.1;
  return {
    name: `${region.name}测试机关${i}${government ? '人民政府' : '局'}`,
    region: region.code,
    level: region.level,
    kind: government ? 'government' : 'department',
  };
}

const BROKEN_RULES = (() => {
  const report = generateReport(seededRandom(1), { format: '2021', year: 2024, agency: '测试局' });
  report.cells['s3.granted.natural'] = (report.cells['s3.granted.natural'] ?? 0) + 3;
  return [...new Set(checkReport({ report }).map((f) => f.rule))];
})();

const POOL = (() => {
  const random = seededRandom(7);
  return Array.from(
    { length: 300 },
    () => generateReport(random, { format: '2021', year: 2024, agency: '测试局' }).cells,
  );
})();

async function seed(db) {
  const random = seededRandom(2026);
  const organs = Math.ceil(REPORTS / YEARS.length);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const started = performance.now();
  for (let from = 0; from < organs; from += 200) {
    const batch = [];
    for (let i = from; i < Math.min(organs, from + 200); i += 1) batch.push({ ...organ(i, random), i });
    const organRows = await client.query(
      `insert into corpus_organs (identity_key, name, region_code, level, kind, confidence)
       select k, n, r, l, kd, 1 from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) as t(k, n, r, l, kd)
       returning id`,
      [
        batch.map((o) => `${o.region}|${o.i}`),
        batch.map((o) => o.name),
        batch.map((o) => o.region),
        batch.map((o) => o.level),
        batch.map((o) => o.kind),
      ],
    );
    const reports = [];
    batch.forEach((o, n) => {
      for (const year of YEARS) {
        // A pool of generated tables, drawn at random: generating 100,000 takes minutes on a busy machine.
        const report = { cells: { ...POOL[Math.floor(random() * POOL.length)] } };
        // The rules a broken granted cell fails (checked once below, not run on every row: too slow).
        const broken = random() < 0.02;
        if (broken) report.cells['s3.granted.natural'] = (report.cells['s3.granted.natural'] ?? 0) + 3;
        const failed = broken ? BROKEN_RULES : [];
        reports.push({ organ: organRows.rows[n].id, year, o, cells: report.cells, failed });
      }
    });
    await client.query(
      `insert into corpus_reports (organ_id, year, version, current, file_id, format, region_code, level, kind, figures, findings, failed_rules, sources, meta)
       select o, y, 1, true, 0, '2021', r, l, k, f::jsonb, '[]'::jsonb, coalesce(string_to_array(nullif(fr, ''), ','), '{}'), '{}'::jsonb, '{}'::jsonb
       from unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) as t(o, y, r, l, k, f, fr)`,
      [
        reports.map((r) => r.organ),
        reports.map((r) => r.year),
        reports.map((r) => r.o.region),
        reports.map((r) => r.o.level),
        reports.map((r) => r.o.kind),
        reports.map((r) => JSON.stringify(r.cells)),
        reports.map((r) => r.failed.join(',')),
      ],
    );
  }
  await client.query('analyze');
  await client.end();
  return performance.now() - started;
}

async function time(run) {
  await run(); // warm-up
  const samples = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { p50: at(0.5), p99: at(0.99) };
}

async function main() {
  const name = `xxgk_bench_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 4 });
  try {
    console.log(`语料库分析基准：${REPORTS} 份报告（PostgreSQL）`);
    const seedMs = await seed({ url: url.toString() });
    console.log(`载入 ${(seedMs / 1000).toFixed(1)} s`);
    let started = performance.now();
    await refreshCorpusSummaries(handle.db);
    const refreshAll = performance.now() - started;
    started = performance.now();
    await refreshCorpusSummaries(handle.db, { years: [2025] });
    const refreshYear = performance.now() - started;
    console.log(`汇总表刷新：全部年度 ${refreshAll.toFixed(0)} ms，一个年度 ${refreshYear.toFixed(0)} ms`);
    const corpus = createServices(handle.db).corpusAnalysis;
    const county = counties[7].code;
    const province = county.slice(0, 2);
    const queries = {
      'figures by year (all)': () => corpus.figures({}, 'year'),
      'figures by region (province)': () => corpus.figures({ region: province, year: 2024 }, 'region'),
      'figures by level, kind filter': () => corpus.figures({ kind: 'department' }, 'level'),
      choices: () => corpus.choices(),
      'reports behind a figure (page 1)': () =>
        corpus.reports({ year: 2024, region: province, measure: 'applications', limit: 20, offset: 0 }),
      'reports breaking a rule (page 1)': () => corpus.reports({ rule: 's3-row-total', limit: 20, offset: 0 }),
      'outliers: jumps (province, year)': () =>
        corpus.outliers('jump', { region: province, year: 2024, limit: 10, offset: 0 }),
      'outliers: error rules (year)': () => corpus.outliers('impossible', { year: 2024, limit: 10, offset: 0 }),
      'outliers: carry-overs (province, year)': () =>
        corpus.outliers('carryover', { region: province, year: 2024, limit: 10, offset: 0 }),
      'region 汇总 (county)': () => corpus.region(county, 2024, true),
    };
    const results = {};
    for (const [label, run] of Object.entries(queries)) {
      results[label] = await time(run);
      const { p50, p99 } = results[label];
      console.log(
        `${label.padEnd(40)} p50 ${p50.toFixed(1).padStart(7)} ms  p99 ${p99.toFixed(1).padStart(7)} ms ${p99 < AIM_MS ? '' : '（超过 300 ms）'}`,
      );
    }
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(
      'bench/results/corpus-analysis.json',
      `${JSON.stringify({ reports: REPORTS, runs: RUNS, seedMs, refreshAllMs: refreshAll, refreshYearMs: refreshYear, results }, null, 2)}\n`,
    );
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await handle.close();
    await admin(`drop database ${name} with (force)`);
  }
}

await main();
