// The refresh at the end of an import batch that touched a few organs (issue 15, migration 0018):
// loads --reports=<n> generated reports into the PostgreSQL database --url, refreshes them whole
// once, then times, alternating --runs=<n> times, the baseline build's refresh of one year
// (--baseline=<dist of packages/server>, which rewrites the whole year) and this build's, after
// forgetting the parts of --organs=<n> organs of that year (what a batch of their new reports
// leaves this build to do: their summary groups, rollup groups and outliers, and the year's cell
// sums of their prefectures). Both on the same database, one after the other.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadCorpus } from './support/corpus-rows.js';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .map((a) => a.replace(/^--/, '').split('='))
    .map(([k, v]) => [k, v ?? 'true']),
);
const url = args.url ?? 'postgres://postgres@127.0.0.1:5432/r2bench';
const YEAR = 2023;
const runs = Number(args.runs ?? 3);
const organs = Number(args.organs ?? 5);

const dist = new URL('../packages/server/dist/', import.meta.url);
const { openDatabase } = await import(new URL('index.js', dist).href);
const { refreshCorpusSummaries } = await import(new URL('features/corpus-analysis/repository.js', dist).href);
const base = await import(pathToFileURL(`${resolve(args.baseline)}/features/corpus-analysis/repository.js`).href);
const handle = await openDatabase({ url, poolSize: 2 });
const client = new pg.Client({ connectionString: url });
await client.connect();
const seconds = async (run) => {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
};
try {
  const { rows } = await client.query('select count(*)::int as n from corpus_reports');
  if (rows[0].n === 0) {
    const load = await seconds(() => loadCorpus(client, { seed: 15, reports: Number(args.reports ?? 20000) }, 2000));
    console.log(`loaded in ${load.toFixed(0)} s`);
  }
  const whole = await seconds(() => refreshCorpusSummaries(handle.db, { whole: true }));
  const year = await client.query(`select count(*)::int as n from corpus_reports where current and year = ${YEAR}`);
  console.log(
    `reports ${rows[0].n || '(loaded)'}; ${YEAR} current ${year.rows[0].n}; whole refresh (all years) ${whole.toFixed(2)} s`,
  );
  const forget = async () => {
    const touched = `(select r.* from corpus_reports r where r.current and r.year = ${YEAR} and r.organ_id in
      (select organ_id from corpus_reports where current and year = ${YEAR} order by random() limit ${organs}))`;
    await client.query(`delete from corpus_refresh_parts p using corpus_organs o, ${touched} r
      where o.id = r.organ_id and p.year = r.year and ((p.kind = 'organ' and p.part = coalesce(o.merged_into, o.id)::text)
        or (p.kind = 'summary' and p.part = coalesce(r.region_code, '') || '|' || coalesce(r.level, '') || '|' || r.kind))`);
    await client.query(`delete from corpus_region_cell_parts p using ${touched} r
      where p.year = r.year and p.part = left(r.region_code, 4)`);
  };
  const times = { base: [], incremental: [] };
  for (let i = 0; i < runs; i++) {
    times.base.push(await seconds(() => base.refreshCorpusSummaries(handle.db, { years: [YEAR] })));
    await forget();
    times.incremental.push(await seconds(() => refreshCorpusSummaries(handle.db, { years: [YEAR] })));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`baseline build, one year:          ${times.base.map((t) => t.toFixed(3)).join(' ')} s`);
  console.log(`this build, ${organs} organs' parts:     ${times.incremental.map((t) => t.toFixed(3)).join(' ')} s`);
  console.log(`ratio of medians ${(median(times.incremental) / median(times.base)).toFixed(3)}`);
} finally {
  await client.end();
  await handle.close();
}
