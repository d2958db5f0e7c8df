// The import rate of bench:corpus: generated reports written as files (all text, or all PDF), then
// imported by the corpus import service (features/corpus: read on the worker pool, one thread a
// core, while the files read are kept a group at a time, one transaction a group) into a throwaway
// PostgreSQL database. Also the read alone (the worker pool without the database), to tell the two
// apart, and, given `baseline` (the dist/ folder of another build of packages/server, e.g. the
// commit before a change), the same import by that build, in the same run. Besides the rate by the
// clock, the CPU time a file costs — this process's threads and the database's server processes —
// which a loaded machine changes far less, and the 2-core rate it bounds. The baseline's imports
// (kysely, @xxgk/node, ...) resolve from the node_modules above its folder: a copy under /tmp needs
// a node_modules of its own there (links to this one's, with a copy of the old packages/node as
// @xxgk/node when the change is in the worker too). With no server URL the import is into PGlite.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { ParsePool, UPLOAD_PARSING } from '@xxgk/node';
import { writeCorpus } from '../support/corpus.js';

async function admin(serverUrl, text) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Reads every file on the worker pool, every core, answering what the import keeps (the figures,
 * not the document); seconds taken (after one warm-up read).
 */
async function timeRead(names, contents) {
  const pool = new ParsePool({ ...UPLOAD_PARSING, threads: availableParallelism(), queue: Number.MAX_SAFE_INTEGER });
  try {
    await pool.parseFigures(contents[0], names[0]);
    const before = process.cpuUsage();
    const started = performance.now();
    const outcomes = await Promise.allSettled(contents.map((content, i) => pool.parseFigures(content, names[i])));
    const cpu = process.cpuUsage(before);
    return {
      seconds: (performance.now() - started) / 1000,
      cpuMsPerFile: (cpu.user + cpu.system) / 1000 / names.length,
      failed: outcomes.filter((o) => o.status === 'rejected').length,
    };
  } finally {
    await pool.close();
  }
}

/** CPU ticks of a server process in /proc (Linux, server on this machine; else undefined). */
function ticksOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined; // Not on this machine, or already gone.
  }
}

/**
 * CPU ms the database's server processes for this database have used, and the cluster's own
 * (WAL writer, checkpointer, background writer: they write what the backends leave them, e.g. the
 * WAL of commits that do not wait for it; on a shared server they work for the others too). The
 * processes are sampled every 100 ms while the clock runs: a connection the pool closes when idle
 * (its process gone, and its CPU with it) still counts up to its last sample.
 */
function serverCpuWatch(client) {
  /** pid → { own, first, last } ticks. */
  const seen = new Map();
  const sample = async () => {
    const { rows } = await client.query(
      `select pid, datname = current_database() as own from pg_stat_activity
        where (datname = current_database() and pid <> pg_backend_pid())
           or backend_type in ('walwriter', 'checkpointer', 'background writer')`,
    );
    for (const { pid, own } of rows) {
      const ticks = ticksOf(pid);
      if (ticks === undefined) continue;
      const at = seen.get(pid);
      if (at) at.last = ticks;
      // A process first seen after the start began with none (start() sets the others' first).
      else seen.set(pid, { own, first: 0, last: ticks });
    }
  };
  const totals = () => {
    const sum = { backends: 0, background: 0 };
    for (const { own, first, last } of seen.values()) sum[own ? 'backends' : 'background'] += (last - first) * 10;
    return sum;
  };
  return {
    /** Starts counting from now; `stop()` samples once more and answers the CPU ms since. */
    async start() {
      seen.clear();
      await sample();
      // Everything there at the start counts from its ticks then, not from zero.
      for (const at of seen.values()) at.first = at.last;
      let sampling = Promise.resolve();
      const timer = setInterval(() => {
        sampling = sampling.then(sample).catch(() => undefined);
      }, 100);
      return async () => {
        clearInterval(timer);
        await sampling;
        await sample();
        return totals();
      };
    },
  };
}

/**
 * A database of its own for one import: a new PostgreSQL database on the server (dropped by
 * `drop`), or, given no server, PGlite in memory in this process (its CPU is this process's).
 */
async function benchDatabase(serverUrl, openDatabase) {
  if (!serverUrl) {
    const handle = await openDatabase({});
    const none = async () => async () => ({ backends: 0, background: 0 });
    return { handle, serverCpu: { start: none }, drop: () => handle.close() };
  }
  const name = `xxgk_bench_import_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: availableParallelism() + 2 });
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    handle,
    serverCpu: serverCpuWatch(client),
    drop: async () => {
      await client.end();
      await handle.close();
      await admin(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** Milliseconds a file: CPU of this process since `before`, and of the server (`server`, ms). */
function cpuPerFile(before, server, files) {
  const cpu = process.cpuUsage(before);
  return {
    node: (cpu.user + cpu.system) / 1000 / files,
    postgres: server.backends / files,
    background: server.background / files,
  };
}

/**
 * Imports every file through the corpus service of the build in `dist` into a database of its
 * own; seconds (from the first file to the summary refreshed), the summary and CPU ms a file. The
 * refresh of the summary tables at the batch's end is shown apart: the seconds from the last file
 * kept to the end, and the CPU of the same refresh run again afterwards (the same years, the same
 * rows), so that the import's own cost can be told from the refresh's.
 */
async function timeImport(serverUrl, dist, names, contents) {
  const { openDatabase } = await import(new URL('db/database.js', dist).href);
  const { CorpusService } = await import(new URL('features/corpus/service.js', dist).href);
  const { refreshCorpusSummaries } = await import(new URL('features/corpus-analysis/repository.js', dist).href);
  const database = await benchDatabase(serverUrl, openDatabase);
  const service = new CorpusService(database.handle.db, { threads: availableParallelism() });
  try {
    // A file of its own first, so that the worker pool has started before the clock does.
    const warmUp = await service.startBatch(null, 'bench:corpus warm-up', 1);
    await service.importCorpusFiles(
      [{ name: '预热.txt', read: async () => ({ bytes: new TextEncoder().encode('预热') }) }],
      {
        batch: warmUp,
      },
    );
    const batch = await service.startBatch(null, 'bench:corpus', names.length);
    const files = names.map((file, i) => ({ name: file, read: async () => ({ bytes: contents[i] }) }));
    const years = new Set();
    let lastKept = 0;
    const onFile = (outcome) => {
      lastKept = performance.now();
      if (outcome.year !== undefined) years.add(outcome.year);
    };
    const serverStop = await database.serverCpu.start();
    const before = process.cpuUsage();
    const started = performance.now();
    const summary = await service.importCorpusFiles(files, { batch, onFile });
    const ended = performance.now();
    const cpuMsPerFile = cpuPerFile(before, await serverStop(), names.length);
    const refreshStop = await database.serverCpu.start();
    const refreshNode = process.cpuUsage();
    const refreshStarted = performance.now();
    await refreshCorpusSummaries(database.handle.db, { years: [...years] });
    const refresh = {
      seconds: (ended - lastKept) / 1000,
      againSeconds: (performance.now() - refreshStarted) / 1000,
      cpuMsPerFile: cpuPerFile(refreshNode, await refreshStop(), names.length),
    };
    return { seconds: (ended - started) / 1000, summary, cpuMsPerFile, refresh };
  } finally {
    await service.close();
    await database.drop();
  }
}

const SERVER_DIST = new URL('../../packages/server/dist/', import.meta.url);

/**
 * Writes `count` reports as `kind` files, reads them, and imports them; rates a second. With
 * `serverUrl` undefined the import is into PGlite. With `repeat` > 1 this build and the baseline
 * import the same files in turn that many times each (`runs`).
 */
export async function measureImport(kind, count, seed, serverUrl, baseline = undefined, repeat = 1) {
  const dir = await mkdtemp(join(tmpdir(), `xxgk-corpus-${kind}-`));
  try {
    const writeStarted = performance.now();
    await writeCorpus(dir, { seed, reports: count, as: kind });
    const writeSeconds = (performance.now() - writeStarted) / 1000;
    const names = (await readdir(dir)).filter((file) => file !== 'truth.json').sort();
    const contents = await Promise.all(names.map(async (file) => new Uint8Array(await readFile(join(dir, file)))));
    const bytes = contents.reduce((sum, content) => sum + content.length, 0);
    const read = await timeRead(names, contents);
    const rate = (measured) => ({ ...measured, perSecond: names.length / measured.seconds });
    // This build and the baseline in turn, `repeat` times each: a loaded machine's swings fall on both.
    const imports = [];
    const baselines = [];
    for (let run = 0; run < repeat; run += 1) {
      imports.push(rate(await timeImport(serverUrl, SERVER_DIST, names, contents)));
      if (baseline) baselines.push(rate(await timeImport(serverUrl, baseline, names, contents)));
    }
    const [imported] = imports;
    const before = baselines[0];
    return {
      kind,
      threads: availableParallelism(),
      reports: names.length,
      meanFileBytes: Math.round(bytes / names.length),
      writeSeconds,
      read: { ...read, perSecond: names.length / read.seconds },
      import: imported,
      ...(before ? { baseline: before } : {}),
      ...(repeat > 1 ? { runs: { import: imports, baseline: baselines } } : {}),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
