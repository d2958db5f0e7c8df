// The HTTP API under load: `npm run bench:api` (after `npm run build`).
//
// For each engine — the embedded PGlite (in a temporary data directory, as `xxgk-server` keeps it)
// and a PostgreSQL server (a throwaway database xxgk_bench_<random>, dropped afterwards) — a child
// process opens the database, makes one government and one agency with an officer and a reviewer,
// and loads 10,000 applications received by the agency over 2025. Their histories are the demo's
// mix (补正, 征求意见, 延期, 收费, 撤回, answers of every kind; the latest still open), taken through
// the core's status machine (`startCase`/`applyAction`), so every row is a state the services could
// have reached; they are written with their timelines in a few multi-row INSERTs, as 40,000 calls of
// the services would take minutes. The services' clock is fixed at TODAY, in January 2026.
// The child then times the compilation of the 2025 annual report (the service, and apart from it
// the core's compileReport and checkReport on the same records, so that database time and compute
// time can be told apart) and serves the API on a free loopback port.
//
// This process logs in as the officer and drives the API with autocannon, one request kind after
// the other, each after a short warm-up: the case list's first page, the case list at pages spread
// over all 500 (deep offsets cost more), the due-list, one case at random with its timeline, and —
// last, as it adds cases — intake. Every response must be 2xx: any error, timeout
// or other status fails the run. Figures go to the console and to bench/results/api.json.
//
// Why the server runs in a child process: on a machine of two cores, autocannon in the server's
// process would share its event loop, so autocannon's own work (writing requests, parsing responses,
// recording latencies) would be counted in the server's latency and would cap its throughput. In a
// child the server has an event loop of its own, as in production, and the OS spreads the two
// processes (and PostgreSQL) over the cores. The cost is a small message protocol over IPC.
//
// Options: BENCH_SECONDS=<s per request kind> (default 10), BENCH_CONNECTIONS=<n> (default 10),
//          --only=<engine,...> (pglite, postgres); XXGK_TEST_PG names the PostgreSQL server as for
//          the tests (default postgres://postgres@127.0.0.1:5432/test; `off` leaves it out).

import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { measureHttp } from './api/http.js';
import { printEngine } from './api/print.js';
import { seed, timeCompile } from './api/seed.js';
import {
  APPLICATIONS,
  args,
  COMPILE_AIM_MS,
  CONNECTIONS,
  READ_AIM,
  SECONDS,
  SEED,
  SERVER_URL,
  TODAY,
  WARMUP_SECONDS,
  YEAR,
} from './api/settings.js';
import { ask, forkChild, requireBuild, serveInChild, stopChild } from './support/child.js';

/** The child: database, seed, compile timing, then the server until the parent says stop. */
async function serveChild(engine) {
  await serveInChild({
    database: args.url ? { url: args.url } : { dataDir: args['data-dir'] },
    today: TODAY,
    async prepare(services, handle) {
      if (handle.engine !== engine) throw new Error(`expected ${engine}, opened ${handle.engine}`);
      const seeded = await seed(services);
      const compile = await timeCompile(services, seeded);
      const { sql } = await import('kysely');
      const version = (await sql`select version() as v`.execute(handle.db)).rows[0].v;
      return {
        version,
        organId: seeded.agencyId,
        caseIds: seeded.caseIds,
        username: seeded.username,
        seed: seeded.summary,
        compile,
      };
    },
  });
}

// The parent: one child per engine, autocannon against it, the table and the JSON.

async function parent() {
  await requireBuild('bench:api');
  const wanted = (args.only ?? 'pglite,postgres').split(',');
  const engines = wanted.filter((engine) => engine !== 'postgres' || SERVER_URL !== 'off');
  const cpu = cpus()[0]?.model?.trim() ?? 'unknown';
  console.log(`node ${process.version} (${process.platform}/${process.arch})`);
  console.log(`CPU: ${cpu}; ${cpus().length} logical CPUs, ${Math.round(totalmem() / 2 ** 20)} MB RAM`);
  console.log(
    `load: ${APPLICATIONS.toLocaleString('en-US')} applications of ${YEAR} in one agency; autocannon ` +
      `${CONNECTIONS} connections, ${SECONDS} s per request kind after ${WARMUP_SECONDS} s warm-up, on loopback`,
  );
  console.log('server: in a child process of its own (autocannon runs in this one)');
  const load = loadavg().map((l) => l.toFixed(2));
  console.log(`load average: ${load.join(' ')} (other work on the machine lowers the figures)\n`);

  const results = [];
  const failures = [];
  for (const engine of engines) {
    const result = await runEngine(engine);
    results.push(result);
    printEngine(result);
    failures.push(...result.failures);
  }

  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'api.json');
  const json = `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform}/${process.arch}`,
      cpu,
      logicalCpus: cpus().length,
      loadAverage: loadavg(),
      serverProcess: 'child',
      load: { applications: APPLICATIONS, year: YEAR, today: TODAY, seed: SEED },
      autocannon: { connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS },
      aims: { reads: { ...READ_AIM, engine: 'postgres' }, compileMs: COMPILE_AIM_MS },
      engines: results,
    },
    null,
    2,
  )}\n`;
  const prettier = await import('prettier').catch(() => undefined);
  const text = prettier ? await prettier.format(json, { ...(await prettier.resolveConfig(out)), filepath: out }) : json;
  writeFileSync(out, text);
  console.log(`results written to ${out}`);
  if (failures.length > 0) {
    console.error(`\nbench:api FAILED — requests that did not succeed:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
}

async function adminQuery(text) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The next message of the child, or its error, or its death. */

async function runEngine(engine) {
  let name;
  let dataDir;
  const childArgs = [`--serve=${engine}`];
  if (engine === 'postgres') {
    name = `xxgk_bench_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    childArgs.push(`--url=${url}`);
  } else if (engine === 'pglite') {
    dataDir = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
    childArgs.push(`--data-dir=${dataDir}`);
  } else {
    throw new Error(`unknown engine ${engine} (pglite, postgres)`);
  }
  const server = forkChild(fileURLToPath(import.meta.url), childArgs);
  try {
    const started = performance.now();
    const ready = await ask(server.child);
    const readyMs = performance.now() - started;
    const http = await measureHttp(engine, ready);
    return {
      engine,
      version: ready.version,
      where: engine === 'postgres' ? `database ${name} (dropped afterwards)` : 'temporary data directory',
      startupMs: readyMs,
      seed: ready.seed,
      compile: {
        ...ready.compile,
        aimMs: COMPILE_AIM_MS,
        meetsAim: ready.compile.service.medianMs < COMPILE_AIM_MS,
      },
      http: http.rows,
      failures: http.failures,
    };
  } finally {
    await stopChild(server);
    if (name) await adminQuery(`drop database if exists ${name} with (force)`);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (args.serve) await serveChild(args.serve);
else await parent();
