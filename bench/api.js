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

import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, ...rest] = arg.replace(/^--/, '').split('=');
    return [key, rest.length > 0 ? rest.join('=') : 'true'];
  }),
);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARMUP_SECONDS = Math.min(2, SECONDS);
const SERVER_URL = process.env.XXGK_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

const APPLICATIONS = 10_000;
const YEAR = 2025;
/**
 * The services' today: early in January, when the year's last cases are being answered (some of
 * them late) and its annual report is compiled (条例第五十条: published by 31 January).
 */
const TODAY = `${YEAR + 1}-01-09`;
const SEED = 20250101;
const PASSWORD = 'Bench-password-1';
const PAGE_SIZE = 20;
const COMPILE_RUNS = 5;
/** The aims of the issue: reads on PostgreSQL, and the report's compilation. */
const READ_AIM = { perSecond: 1_000, p99Ms: 50 };
const COMPILE_AIM_MS = 200;

if (!Number.isFinite(SECONDS) || SECONDS <= 0) throw new Error(`BENCH_SECONDS should be a positive number`);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs `work` once to warm up, then `runs` times; the times in ms. */
async function timed(runs, work) {
  await work();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return { medianMs: median(times), runsMs: times };
}

// ---------------------------------------------------------------------------------------------
// The child: database, seed, compile timing, then the server until the parent says stop.

async function serveChild(engine) {
  try {
    const server = await import('../packages/server/dist/index.js');
    const { serve } = await import('@hono/node-server');
    const handle = await server.openDatabase(args.url ? { url: args.url } : { dataDir: args['data-dir'] });
    if (handle.engine !== engine) throw new Error(`expected ${engine}, opened ${handle.engine}`);
    const services = server.createServices(handle.db, { today: () => TODAY });
    const seeded = await seed(services);
    const compile = await timeCompile(services, seeded);
    const { sql } = await import('kysely');
    const version = (await sql`select version() as v`.execute(handle.db)).rows[0].v;
    const app = server.createApp(services);
    // Requests still being handled when autocannon hangs up must finish before the database closes.
    let inFlight = 0;
    let drained = () => {};
    const fetch = async (request, env) => {
      inFlight += 1;
      try {
        return await app.fetch(request, env);
      } finally {
        inFlight -= 1;
        if (inFlight === 0) drained();
      }
    };
    const http = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      process.send({
        type: 'ready',
        port: info.port,
        version,
        organId: seeded.agencyId,
        caseIds: seeded.caseIds,
        username: seeded.username,
        seed: seeded.summary,
        compile,
      });
    });
    process.on('message', async (message) => {
      if (message?.type !== 'stop') return;
      http.close();
      http.closeIdleConnections();
      if (inFlight > 0) await new Promise((resolve) => (drained = resolve));
      http.closeAllConnections();
      await handle.close();
      process.exit(0);
    });
  } catch (error) {
    process.send({ type: 'error', message: error?.stack ?? String(error) }, () => process.exit(1));
  }
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** One government, one agency with an officer and a reviewer, and the agency's 10,000 cases of 2025. */
async function seed(services) {
  const core = await import('../packages/core/dist/index.js');
  const { demoCases } = await import('../packages/server/dist/demo/applications.js');
  const { db } = services;
  const started = performance.now();
  const government = await services.organs.create(null, {
    parentId: null,
    name: '相山区人民政府',
    kind: 'government',
    code: 'XS',
  });
  const agency = await services.organs.create(null, {
    parentId: government.id,
    name: '相山区应急管理局',
    kind: 'department',
    code: 'XSYJ',
    reviewBody: '相山区人民政府',
    court: '淮北市相山区人民法院',
  });
  const user = (username, displayName, role) =>
    services.organs.createUser(null, { organId: agency.id, username, displayName, role, password: PASSWORD });
  const officer = await user('bench.jbr', '李经办', 'officer');
  const reviewer = await user('bench.shr', '王审核', 'reviewer');

  const calendar = await services.calendar.calendar();
  const cases = demoCases(calendar, {
    from: `${YEAR - 1}-12-31`,
    to: `${YEAR}-12-31`,
    count: APPLICATIONS,
    seed: SEED,
  });
  const codes = new Set();
  while (codes.size < cases.length) {
    codes.add(Array.from(randomBytes(12), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join(''));
  }
  const queryCodes = [...codes];
  const rows = [];
  const timelines = [];
  for (const [index, demo] of cases.entries()) {
    const { intake } = demo;
    let state = core.startCase(intake);
    const events = [
      {
        type: 'intake',
        on: intake.receivedOn,
        actor_id: officer.id,
        data: { channel: intake.channel, submittedOn: intake.submittedOn },
      },
    ];
    for (const step of demo.actions) {
      if (step.action.on > TODAY) break;
      state = core.applyAction(state, step.action, calendar);
      const { type, on, ...data } = step.action;
      events.push({ type, on, actor_id: step.actor === 'officer' ? officer.id : reviewer.id, data });
    }
    const serialNo = `〔${YEAR}〕XSYJ依申第${index + 1}号`;
    rows.push({
      organ_id: agency.id,
      serial_no: serialNo,
      query_code: queryCodes[index],
      channel: intake.channel,
      applicant_kind: intake.applicantKind,
      applicant_name: intake.applicantName,
      applicant_phone: intake.applicantPhone ?? null,
      request: intake.request,
      delivery_form: intake.deliveryForm,
      delivery_way: intake.deliveryWay,
      submitted_on: intake.submittedOn,
      received_on: intake.receivedOn,
      status: state.status,
      due_on: core.caseDeadline(state, calendar, TODAY).dueOn,
      outcome: state.outcome ?? null,
      closed_on: state.closedOn ?? null,
      state: JSON.stringify(state),
      version: events.length,
      created_by: officer.id,
      created_at: `${intake.receivedOn}T09:00:00+08:00`,
      updated_at: `${events.at(-1).on}T16:00:00+08:00`,
    });
    timelines.push({ serialNo, events });
  }
  const generatedMs = performance.now() - started;

  // As many rows in one INSERT as 32,000 parameters allow: PGlite failed (RangeError in its
  // protocol parser) on 60,000, which PostgreSQL (65,535 at most) takes.
  const chunks = (list, columns) => {
    const size = Math.floor(32_000 / columns);
    return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
  };
  const ids = new Map();
  let statements = 0;
  const insertStarted = performance.now();
  for (const chunk of chunks(rows, Object.keys(rows[0]).length)) {
    const inserted = await db.insertInto('applications').values(chunk).returning(['id', 'serial_no']).execute();
    for (const row of inserted) ids.set(row.serial_no, row.id);
    statements += 1;
  }
  const eventRows = timelines.flatMap(({ serialNo, events }) =>
    events.map((event) => ({
      application_id: ids.get(serialNo),
      type: event.type,
      on: event.on,
      actor_id: event.actor_id,
      data: JSON.stringify(event.data),
      at: `${event.on}T10:00:00+08:00`,
    })),
  );
  for (const chunk of chunks(eventRows, 6)) {
    await db.insertInto('application_events').values(chunk).execute();
    statements += 1;
  }
  const insertMs = performance.now() - insertStarted;
  // PostgreSQL's autovacuum analyses a table that grew this much within a minute or so, and the
  // server analyses PGlite (which has no autovacuum) at start and every 10 minutes: do it now so
  // the measurement does not depend on when that happens.
  {
    const { sql } = await import('kysely');
    await sql`analyze`.execute(db);
  }

  const statuses = {};
  for (const row of rows) statuses[row.status] = (statuses[row.status] ?? 0) + 1;
  return {
    agencyId: agency.id,
    organPath: `/${government.id}/${agency.id}/`,
    officer,
    username: officer.username,
    caseIds: [...ids.values()],
    summary: {
      applications: rows.length,
      events: eventRows.length,
      open: rows.length - (statuses.closed ?? 0),
      statuses,
      generateMs: generatedMs,
      insertMs,
      insertStatements: statements,
      analysed: true,
    },
  };
}

/** The 2025 report through the service, and its parts apart: the records query, compile, check. */
async function timeCompile(services, seeded) {
  const core = await import('../packages/core/dist/index.js');
  const { recordsForYear } = await import('../packages/server/dist/features/reports/repository.js');
  const actor = {
    id: seeded.officer.id,
    organId: seeded.agencyId,
    organPath: seeded.organPath,
    role: 'officer',
    name: seeded.officer.displayName,
  };
  const service = await timed(COMPILE_RUNS, () => services.reports.compile(actor, seeded.agencyId, YEAR));
  // Reading a draft recompiles it in memory to list the cells the records no longer give (issue 11 §3).
  const read = await timed(COMPILE_RUNS, () => services.reports.get(actor, seeded.agencyId, YEAR));
  let records;
  const query = await timed(COMPILE_RUNS, async () => {
    records = await recordsForYear(services.db, seeded.agencyId, YEAR);
  });
  if (records.applications.length !== APPLICATIONS) {
    throw new Error(`the 2025 records hold ${records.applications.length} applications, not ${APPLICATIONS}`);
  }
  // The core's input exactly as the service builds it (the organ has no documents, figures or reviews).
  const input = {
    agency: '相山区应急管理局',
    year: YEAR,
    format: core.formatForYear(YEAR),
    applications: records.applications.map((a) => ({
      id: a.serial_no,
      applicantKind: a.applicant_kind,
      receivedOn: a.received_on,
      ...(a.closed_on ? { closedOn: a.closed_on } : {}),
      ...(a.outcome ? { outcome: a.outcome } : {}),
    })),
    documents: [],
    figures: {},
    reviews: [],
  };
  let report;
  const compileReport = await timed(COMPILE_RUNS, () => {
    report = core.compileReport(input).report;
  });
  const checkReport = await timed(COMPILE_RUNS, () => core.checkReport({ report }));
  return {
    applications: records.applications.length,
    service,
    read,
    recordsQuery: query,
    compileReport,
    checkReport,
  };
}

// ---------------------------------------------------------------------------------------------
// The parent: one child per engine, autocannon against it, the table and the JSON.

async function parent() {
  const built = await import('../packages/server/dist/index.js').then(
    () => true,
    () => false,
  );
  if (!built) {
    console.error('bench:api: the packages are not built; run `npm run build` first');
    process.exit(1);
  }
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
function nextMessage(child) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      child.off('exit', onExit);
      if (message?.type === 'error') reject(new Error(`server process: ${message.message}`));
      else resolve(message);
    };
    const onExit = (code) => {
      child.off('message', onMessage);
      reject(new Error(`server process exited with code ${code}`));
    };
    child.once('message', onMessage);
    child.once('exit', onExit);
  });
}

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
  const script = fileURLToPath(import.meta.url);
  const child = fork(script, childArgs, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const started = performance.now();
    const ready = await nextMessage(child);
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
    if (child.exitCode === null && child.signalCode === null) {
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill(), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (name) await adminQuery(`drop database if exists ${name} with (force)`);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureHttp(engine, ready) {
  const { default: autocannon } = await import('autocannon');
  const base = `http://127.0.0.1:${ready.port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: ready.username, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const { csrfToken } = await login.json();
  const headers = { cookie };
  const organ = ready.organId;
  const pages = Math.ceil(APPLICATIONS / PAGE_SIZE);
  const pick = (n) => 1 + Math.floor(Math.random() * n);
  const caseId = () => ready.caseIds[Math.floor(Math.random() * ready.caseIds.length)];
  const intakeBody = JSON.stringify({
    channel: 'online',
    applicantKind: 'natural',
    applicantName: '王小明',
    applicantIdNumber: '340603199001011234',
    applicantPhone: '13800000000',
    request: '2025年本区安全生产行政处罚决定书（含文号）',
    deliveryForm: 'electronic',
    deliveryWay: 'email',
    submittedOn: `${YEAR + 1}-01-08`,
    receivedOn: TODAY,
  });

  /** The request kinds, reads first: intake adds cases, so it comes last. */
  const kinds = [
    {
      name: 'listFirstPage',
      label: `case list, page 1 (${PAGE_SIZE} a page)`,
      read: true,
      pattern: `GET /api/organs/{id}/applications?page=1&pageSize=${PAGE_SIZE}`,
      path: () => `/api/organs/${organ}/applications?page=1&pageSize=${PAGE_SIZE}`,
      check: (body) => body.total === APPLICATIONS && body.items.length === PAGE_SIZE,
    },
    {
      name: 'list',
      label: `case list, page 1–${pages} at random`,
      read: true,
      pattern: `GET /api/organs/{id}/applications?page={1–${pages}}&pageSize=${PAGE_SIZE}`,
      path: () => `/api/organs/${organ}/applications?page=${pick(pages)}&pageSize=${PAGE_SIZE}`,
      check: (body) => body.total === APPLICATIONS && body.items.length === PAGE_SIZE,
    },
    {
      name: 'dueList',
      label: 'due-list (dueWithin=3)',
      read: true,
      pattern: 'GET /api/organs/{id}/applications?dueWithin=3',
      path: () => `/api/organs/${organ}/applications?dueWithin=3`,
      check: (body) => body.total > 0 && body.items.every((item) => item.status !== 'closed'),
    },
    {
      name: 'case',
      label: 'one case, with its timeline',
      read: true,
      pattern: 'GET /api/applications/{id}',
      path: () => `/api/applications/${caseId()}`,
      check: (body) => body.events.length > 0 && Array.isArray(body.allowedActions),
    },
    {
      name: 'intake',
      label: 'intake (write)',
      read: false,
      method: 'POST',
      pattern: 'POST /api/organs/{id}/applications',
      path: () => `/api/organs/${organ}/applications`,
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: intakeBody,
      check: (body) => body.status === 'inProgress' && typeof body.serialNo === 'string',
    },
  ];

  const rows = [];
  const failures = [];
  for (const kind of kinds) {
    // One request first: the answer must be what the kind is about, not an empty page or an error.
    const probe = await fetch(`${base}${kind.path()}`, {
      method: kind.method ?? 'GET',
      headers: { ...headers, ...kind.headers },
      ...(kind.body ? { body: kind.body } : {}),
    });
    const probeBody = await probe.json();
    if (probe.status >= 300 || !kind.check(probeBody)) {
      throw new Error(`${engine} ${kind.name}: unexpected answer ${probe.status} ${JSON.stringify(probeBody)}`);
    }
    const firstFailures = [];
    const run = (duration) =>
      autocannon({
        url: base,
        connections: CONNECTIONS,
        duration,
        headers,
        requests: [
          {
            method: kind.method ?? 'GET',
            ...(kind.headers ? { headers: { ...headers, ...kind.headers } } : {}),
            ...(kind.body ? { body: kind.body } : {}),
            setupRequest: (request) => ({ ...request, path: kind.path() }),
            onResponse: (status, body) => {
              if ((status < 200 || status >= 300) && firstFailures.length < 3) firstFailures.push(`${status} ${body}`);
            },
          },
        ],
      });
    await run(WARMUP_SECONDS);
    const result = await run(SECONDS);
    const bad = result.errors + result.timeouts + result.non2xx + result.mismatches;
    const row = {
      name: kind.name,
      label: kind.label,
      request: kind.pattern,
      read: kind.read,
      ...(probeBody.total !== undefined ? { answer: { total: probeBody.total, items: probeBody.items.length } } : {}),
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      latencyMs: {
        mean: result.latency.average,
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statusCodes: result.statusCodeStats,
      ...(kind.read && engine === 'postgres'
        ? {
            aim: READ_AIM,
            meetsAim: result.requests.average >= READ_AIM.perSecond && result.latency.p99 < READ_AIM.p99Ms,
          }
        : { aim: null, meetsAim: null }),
    };
    rows.push(row);
    if (bad > 0 || result.requests.total === 0) {
      failures.push(
        `${engine} ${kind.name}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx` +
          ` of ${result.requests.total}${firstFailures.length ? ` — e.g. ${firstFailures[0]}` : ''}`,
      );
    }
  }
  return { rows, failures };
}

function printEngine(result) {
  const title = result.engine === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const { seed } = result;
  console.log(`${title} — ${result.version.split(' on ')[0]}, ${result.where}`);
  console.log(
    `  seed: ${seed.applications.toLocaleString('en-US')} applications (${seed.open} open), ` +
      `${seed.events.toLocaleString('en-US')} events: generated in ${(seed.generateMs / 1000).toFixed(1)} s, ` +
      `inserted in ${(seed.insertMs / 1000).toFixed(1)} s (${seed.insertStatements} INSERTs)` +
      `, then ANALYZE\n`,
  );
  const fmt = (n) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
  const header = ['request', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'requests', 'errors', 'aim', ''];
  const rows = result.http.map((r) => [
    r.name === 'dueList' ? `${r.label}: ${r.answer.total} cases` : r.label,
    fmt(r.requestsPerSecond),
    String(r.latencyMs.p50),
    String(r.latencyMs.p99),
    String(r.latencyMs.max),
    r.requests.toLocaleString('en-US'),
    String(r.errors + r.timeouts + r.non2xx),
    r.aim ? `≥ ${r.aim.perSecond.toLocaleString('en-US')}/s, p99 < ${r.aim.p99Ms}` : '—',
    r.meetsAim === null ? '' : r.meetsAim ? 'ok' : 'MISS',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));

  const c = result.compile;
  const ms = (t) => `${t.medianMs.toFixed(1)} ms`.padStart(9);
  console.log(
    `\n  compile the ${YEAR} report (${c.applications.toLocaleString('en-US')} applications), ` +
      `median of ${COMPILE_RUNS} after 1 warm-up:`,
  );
  console.log(
    `    services.reports.compile ${ms(c.service)}  aim < ${c.aimMs} ms  ${c.meetsAim ? 'ok' : 'MISS'}` +
      `  (records, compile, check, write the draft, read it back)`,
  );
  console.log(`    services.reports.get     ${ms(c.read)}  (a draft: recompiled in memory for the stale cells)`);
  console.log(`      records query (DB)     ${ms(c.recordsQuery)}`);
  console.log(`      core compileReport     ${ms(c.compileReport)}`);
  console.log(`      core checkReport       ${ms(c.checkReport)}\n`);
}

if (args.serve) await serveChild(args.serve);
else await parent();
