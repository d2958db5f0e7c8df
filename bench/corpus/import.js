// The import rate of bench:corpus: generated reports written as files (all text, or all PDF), then
// imported by the corpus import service (features/corpus: read on the worker pool, one thread a
// core; organ matched; file and report stored in one transaction) into a throwaway PostgreSQL
// database. Also the read alone (the worker pool without the database), to tell the two apart.

import { randomBytes } from 'node:crypto';
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

/** Reads every file on the worker pool, every core; seconds taken (after one warm-up read). */
async function timeRead(names, contents) {
  const pool = new ParsePool({ ...UPLOAD_PARSING, threads: availableParallelism(), queue: Number.MAX_SAFE_INTEGER });
  try {
    await pool.parse(contents[0], names[0]);
    const started = performance.now();
    const outcomes = await Promise.allSettled(contents.map((content, i) => pool.parse(content, names[i])));
    return {
      seconds: (performance.now() - started) / 1000,
      failed: outcomes.filter((o) => o.status === 'rejected').length,
    };
  } finally {
    await pool.close();
  }
}

/** Imports every file through the corpus service into a database of its own; seconds and the summary. */
async function timeImport(serverUrl, names, contents) {
  const name = `xxgk_bench_import_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const { openDatabase } = await import('../../packages/server/dist/db/database.js');
  const { CorpusService } = await import('../../packages/server/dist/features/corpus/service.js');
  const handle = await openDatabase({ url: url.toString(), poolSize: availableParallelism() + 2 });
  const service = new CorpusService(handle.db, { threads: availableParallelism() });
  try {
    const batch = await service.startBatch(null, 'bench:corpus', names.length);
    const files = names.map((file, i) => ({ name: file, read: async () => ({ bytes: contents[i] }) }));
    const started = performance.now();
    const summary = await service.importCorpusFiles(files, { batch });
    return { seconds: (performance.now() - started) / 1000, summary };
  } finally {
    await service.close();
    await handle.close();
    await admin(serverUrl, `drop database if exists ${name} with (force)`);
  }
}

/** Writes `count` reports as `kind` files, reads them, and imports them; rates a second. */
export async function measureImport(kind, count, seed, serverUrl) {
  const dir = await mkdtemp(join(tmpdir(), `xxgk-corpus-${kind}-`));
  try {
    const writeStarted = performance.now();
    await writeCorpus(dir, { seed, reports: count, as: kind });
    const writeSeconds = (performance.now() - writeStarted) / 1000;
    const names = (await readdir(dir)).filter((file) => file !== 'truth.json').sort();
    const contents = await Promise.all(names.map(async (file) => new Uint8Array(await readFile(join(dir, file)))));
    const bytes = contents.reduce((sum, content) => sum + content.length, 0);
    const read = await timeRead(names, contents);
    const imported = await timeImport(serverUrl, names, contents);
    return {
      kind,
      threads: availableParallelism(),
      reports: names.length,
      meanFileBytes: Math.round(bytes / names.length),
      writeSeconds,
      read: { ...read, perSecond: names.length / read.seconds },
      import: { ...imported, perSecond: names.length / imported.seconds },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
