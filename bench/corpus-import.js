// Importing reports into the corpus: `node bench/corpus-import.js` (after `npm run build`).
//
// Writes generated reports of distinct county bureaus (organs named from the region table, four
// years each) as text and as PDF under bench/.corpus-import/, then for each kind times, by the
// clock, as a user runs them on every core:
//   - `xxgk corpus import DIR --database URL` into a fresh PostgreSQL database (the import: read
//     on the worker pool, organ resolved, file and report kept in one transaction each);
//   - `xxgk parse DIR --cells` over the same files (reading alone, written nowhere): the baseline,
//     so that the ratio says what keeping the corpus adds to reading it, whatever else runs.
// Figures go to the console and to bench/corpus-import-results.json.
//
// Options: --text=<n> (default 1000), --pdf=<n> (default 100),
//          --server=<postgres URL of a database to create others from> (default the test server).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const COUNTS = { text: Number(args.text ?? 1000), pdf: Number(args.pdf ?? 100) };
const SERVER = args.server ?? process.env.XXGK_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'packages/cli/bin/xxgk.js');
const core = await import('../packages/core/dist/index.js');
const { loadFonts } = await import('../packages/node/dist/fonts.js');

/** Bureaus of distinct counties, four years each: every file a report of its own organ and year. */
function* reports(count) {
  const counties = [...core.REGIONS.values()].filter((r) => r.level === 'county' && r.name !== '市辖区');
  for (let i = 0, made = 0; made < count; i += 1) {
    const county = counties[i % counties.length];
    const prefecture = core.REGIONS.get(county.parent ?? '')?.name ?? '';
    const bureau = ['教育局', '民政局', '应急管理局', '财政局'][Math.floor(i / counties.length) % 4];
    for (let year = 2021; year <= 2024 && made < count; year += 1, made += 1) {
      const agency = `${prefecture}${county.name}${bureau}`;
      yield {
        name: `${county.code}-${i}-${year}`,
        report: core.generateReport(core.seededRandom(i * 10 + year), { format: '2021', year, agency }),
      };
    }
  }
}

async function corpus(kind, count) {
  const dir = join(root, 'bench/.corpus-import', `${kind}-${count}`);
  if (existsSync(join(dir, '.done'))) return dir;
  mkdirSync(dir, { recursive: true });
  const fonts = kind === 'pdf' ? await loadFonts() : undefined;
  for (const { name, report } of reports(count)) {
    if (kind === 'pdf') writeFileSync(join(dir, `${name}.pdf`), await core.renderPdf(report, fonts));
    else writeFileSync(join(dir, `${name}.txt`), core.renderText(report, 'lines'));
  }
  writeFileSync(join(dir, '.done'), '');
  return dir;
}

async function admin(text) {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Seconds a CLI run takes by the clock (its own output left out). */
function timed(argv) {
  const start = performance.now();
  try {
    execFileSync(process.execPath, [cli, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    // Exit code 1 (files needing review) or 2 (failed files) still timed; the summary says which.
    if (error.status !== 1 && error.status !== 2) throw error;
    process.stderr.write(String(error.stderr).split('\n').slice(-4).join('\n'));
  }
  return (performance.now() - start) / 1000;
}

const results = { cpus: availableParallelism(), model: cpus()[0]?.model, kinds: {} };
for (const [kind, count] of Object.entries(COUNTS)) {
  if (!count) continue;
  const dir = await corpus(kind, count);
  const name = `xxgk_bench_corpus_${process.pid}_${kind}`;
  await admin(`create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  try {
    // The import's time includes opening the database and migrating the fresh schema (about a second).
    const importSeconds = timed(['corpus', 'import', dir, '--database', url.toString(), '--no-progress']);
    const parseSeconds = timed(['parse', dir, '--cells', '-o', '/dev/null', '--no-progress']);
    const againSeconds = timed(['corpus', 'import', dir, '--database', url.toString(), '--no-progress']);
    results.kinds[kind] = {
      files: count,
      importPerSecond: count / importSeconds,
      parsePerSecond: count / parseSeconds,
      importOverParse: importSeconds / parseSeconds,
      reimportPerSecond: count / againSeconds,
    };
    console.log(
      `${kind}: import ${(count / importSeconds).toFixed(1)} reports/s (${importSeconds.toFixed(1)} s for ${count}), ` +
        `parse alone ${(count / parseSeconds).toFixed(1)}/s → import takes ${(importSeconds / parseSeconds).toFixed(2)}× reading; ` +
        `rerun (all already imported) ${(count / againSeconds).toFixed(1)} files/s`,
    );
  } finally {
    await admin(`drop database if exists ${name} with (force)`);
  }
}
writeFileSync(join(root, 'bench/corpus-import-results.json'), `${JSON.stringify(results, null, 2)}\n`);
