// The corpus dashboard's queries for bench:corpus: the analysis service's own calls
// (features/corpus-analysis, reading the summary table of migration 0013 and, for the lists,
// corpus_reports), so the bench times what the dashboard runs. Each is timed over `runs` runs
// after a warm-up; `answers` gives each call's result once, to compare before and after a move.

import { performance } from 'node:perf_hooks';
import { percentile } from './measure.js';

/**
 * Where the parameterised calls look, chosen from the loaded corpus: the latest year with
 * reports, the province and the county with most reports that year, and the error-severity rule
 * most reports break.
 */
export async function dashboardTargets(client, errorRules, year) {
  const place = async (length) => {
    const { rows } = await client.query(
      `SELECT left(region_code, ${length}) AS code FROM corpus_reports
       WHERE current AND year = $1 AND length(region_code) >= ${length}
       GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
      [year],
    );
    return rows[0]?.code;
  };
  const province = await place(2);
  const { rows } = await client.query(
    `SELECT left(region_code, 6) AS code FROM corpus_reports
     WHERE current AND year = $1 AND region_code LIKE $2 || '%' AND length(region_code) = 6
     GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [year, province],
  );
  const failed = await client.query(
    `SELECT rule FROM corpus_reports, unnest(failed_rules) AS rule
     WHERE current AND rule = ANY($1) GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [errorRules],
  );
  return { year, province, county: rows[0]?.code, rule: failed.rows[0]?.rule };
}

/** The dashboard's calls on the service, by name. */
export function dashboardCalls(corpus, { year, province, county, rule }) {
  const page = { limit: 20, offset: 0 };
  return {
    'figures by year (all)': () => corpus.figures({}, 'year'),
    'figures by region (province, year)': () => corpus.figures({ region: province, year }, 'region'),
    'figures by level, kind filter': () => corpus.figures({ kind: 'department' }, 'level'),
    'figures by kind (year)': () => corpus.figures({ year }, 'kind'),
    choices: () => corpus.choices(),
    'reports behind a figure (page 1)': () =>
      corpus.reports({ year, region: province, measure: 'applications', ...page }),
    'reports breaking a rule (page 1)': () => corpus.reports({ rule, ...page }),
    'outliers: jumps (province, year)': () => corpus.outliers('jump', { region: province, year, ...page }),
    'outliers: error rules (year)': () => corpus.outliers('impossible', { year, ...page }),
    'outliers: carry-overs (province, year)': () => corpus.outliers('carryover', { region: province, year, ...page }),
    'region 汇总 (county)': () => corpus.region(county, year, true),
    'region 汇总 (province)': () => corpus.region(province, year, true),
  };
}

/** p50/p99 of a call's sorted samples. */
const summarise = (samples) => {
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
};

async function timed(call) {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

/**
 * p50/p99 of each call over `runs` runs after one warm-up; given `baseCalls` (the same calls on
 * another build's service, same database), each run times both, in alternating order, so that
 * the machine's load falls on the two alike, and `base` holds the other build's p50/p99.
 */
export async function timeCalls(calls, runs, baseCalls = undefined) {
  const results = [];
  for (const [name, call] of Object.entries(calls)) {
    const base = baseCalls?.[name];
    await call();
    if (base) await base();
    const samples = [];
    const baseSamples = [];
    for (let i = 0; i < runs; i++) {
      if (base && i % 2 === 1) baseSamples.push(await timed(base));
      samples.push(await timed(call));
      if (base && i % 2 === 0) baseSamples.push(await timed(base));
    }
    results.push({ name, ...summarise(samples), ...(base ? { base: summarise(baseSamples) } : {}) });
  }
  return results;
}

/** Each call's answer, once. */
export async function answers(calls) {
  const result = {};
  for (const [name, call] of Object.entries(calls)) result[name] = await call();
  return result;
}

/**
 * A result with its fractions to 1e-6, for comparing answers: fees are float8 sums, whose last
 * digit depends on the order the summary rows are read in (851.2199999999999 or 851.22).
 */
export function rounded(value) {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Math.round(value * 1e6) / 1e6;
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rounded(item)]));
  }
  return value;
}
