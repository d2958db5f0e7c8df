// This core's reading speed against another build's, each in a process of its own:
// `node bench/parse-ab.js --against=<a built packages/core/dist> [--pairs=6] [--only=gen,seeds,crawler,real,unseen]`
// (after `npm run build`).
//
// Two cores loaded into one process and read in alternating blocks (bench/parse.js --against) favour
// one of them by the order they were loaded, by a few per cent on a loaded machine (the same code
// against itself gave 0.95-0.97x). Here each core reads in its own process: it warms up, then reads a
// fixed count of reports and gives its CPU milliseconds per report; the processes of the two cores
// alternate, and the medians of the pairs are given. The inputs are the same files for both, written
// once by this core before either reads: generated text in the three layouts, the seeds
// (fixtures/seeds), crawler-damaged text (damageText 'crawler') and the real crawler texts
// (fixtures/real/*.txt). Run it under `nice -n 5` on a shared machine.
//
// The sets above are read round and round, so from the second round on the reader's caches of
// digit-run splits (align/dp.ts) answer nearly every row: a reader meets a report's figures once.
// `unseen` is crawler text of 2,400 reports all different, each read once (the warm-up reads 300
// others): the rate of crawler text the reader has not seen before.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, 'bench/.corpus/ab');
const COUNTS = { gen: 3000, seeds: 2000, crawler: 2400, real: 1600, unseen: 2400 };
/** Reports of `unseen` read only to warm up, none of them among those timed. */
const UNSEEN_WARM = 300;

/** A child: one core reads one set, and prints its CPU ms per report. */
async function child(dist, set) {
  const core = await import(pathToFileURL(join(dist, 'index.js')).href);
  const dir = join(corpus, set);
  const inputs = readdirSync(dir)
    .sort()
    .map((f) => new Uint8Array(readFileSync(join(dir, f))));
  if (set === 'unseen') {
    // w* (the warm-up) sorts after u* (the timed): each timed report is read once, after no other read of it.
    for (const input of inputs.slice(COUNTS.unseen)) await core.parseReport(input);
    const before = process.cpuUsage();
    for (const input of inputs.slice(0, COUNTS.unseen)) await core.parseReport(input);
    const used = process.cpuUsage(before);
    console.log((used.user + used.system) / 1000 / COUNTS.unseen);
    return;
  }
  for (let i = 0; i < Math.max(300, inputs.length * 3); i += 1) await core.parseReport(inputs[i % inputs.length]);
  const before = process.cpuUsage();
  for (let i = 0; i < COUNTS[set]; i += 1) await core.parseReport(inputs[i % inputs.length]);
  const used = process.cpuUsage(before);
  console.log((used.user + used.system) / 1000 / COUNTS[set]);
}

/** Writes the inputs once. */
async function writeInputs() {
  await writeUnseen();
  if (existsSync(join(corpus, '.complete'))) return;
  const core = await import('../packages/core/dist/index.js');
  for (const set of ['gen', 'seeds', 'crawler', 'real']) mkdirSync(join(corpus, set), { recursive: true });
  for (let i = 0; i < 300; i += 1) {
    const report = core.generateReport(core.seededRandom(90_000 + i), { format: i % 2 ? '2021' : '2019' });
    writeFileSync(join(corpus, 'gen', `r${i}.txt`), core.renderText(report, ['lines', 'pipe', 'tab'][i % 3]));
    if (i < 200)
      writeFileSync(
        join(corpus, 'crawler', `c${i}.txt`),
        core.damageText(report, 'crawler', core.seededRandom(60_000 + i)),
      );
  }
  for (const [set, dir] of [
    ['seeds', 'fixtures/seeds'],
    ['real', 'fixtures/real'],
  ])
    for (const f of readdirSync(join(root, dir)).filter((name) => name.endsWith('.txt')))
      copyFileSync(join(root, dir, f), join(corpus, set, f));
  writeFileSync(join(corpus, '.complete'), '');
}

/** Crawler text of reports none of which another set holds, each of its own seed: `unseen`. */
async function writeUnseen() {
  if (existsSync(join(corpus, '.complete-unseen'))) return;
  const core = await import('../packages/core/dist/index.js');
  mkdirSync(join(corpus, 'unseen'), { recursive: true });
  for (let i = 0; i < COUNTS.unseen + UNSEEN_WARM; i += 1) {
    const report = core.generateReport(core.seededRandom(100_000 + i), { format: i % 2 ? '2021' : '2019' });
    const name = i < COUNTS.unseen ? `u${String(i).padStart(4, '0')}` : `w${i}`;
    writeFileSync(
      join(corpus, 'unseen', `${name}.txt`),
      core.damageText(report, 'crawler', core.seededRandom(110_000 + i)),
    );
  }
  writeFileSync(join(corpus, '.complete-unseen'), '');
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

if (args.child) {
  await child(args.child, args.set);
} else {
  if (!args.against) {
    console.error('usage: node bench/parse-ab.js --against=<dir of a built packages/core/dist>');
    process.exit(2);
  }
  await writeInputs();
  const ours = join(root, 'packages/core/dist');
  const pairs = Number(args.pairs ?? 6);
  const run = (dist, set) =>
    Number(execFileSync(process.execPath, [fileURLToPath(import.meta.url), `--child=${dist}`, `--set=${set}`]));
  for (const set of (args.only ?? 'gen,seeds,crawler,real,unseen').split(',')) {
    const theirs = [];
    const mine = [];
    for (let p = 0; p < pairs; p += 1) {
      // Either core first in turn: neither always runs right after the other.
      const order = p % 2 ? [ours, args.against] : [args.against, ours];
      for (const dist of order) (dist === ours ? mine : theirs).push(run(dist, set));
    }
    const ratios = theirs.map((ms, i) => ms / mine[i]);
    console.log(
      `${set.padEnd(8)} ${pairs} pairs: against ${(1000 / median(theirs)).toFixed(0)}/s of CPU, this core ${(1000 / median(mine)).toFixed(0)}/s, ` +
        `${median(ratios).toFixed(2)}× (pairs ${ratios.map((r) => r.toFixed(2)).join(' ')})`,
    );
  }
}
