// The server under abuse: `npm run bench:abuse` (after `npm run build`).
//
// A child process serves the API over PGlite (a temporary data directory, as `xxgk-server` keeps
// it) with one agency and an officer, and samples its own resident memory (worker threads
// included) every 100 ms. A second child attacks; this process only probes `/api/health`, one
// request after the other, so that the attacker's own work (sending 1.7 MB bodies, reading
// answers) is not counted in the health latency. Phase by phase:
//
//   1. quiet            — nothing else: the baseline of the same run;
//   2. bombs            — 4 loops, each uploading again as soon as answered, to the parse route:
//                         2 × a 1.7 MB PDF whose page content inflates to 256 MB, 2 × a 1.7 MB DOCX
//                         whose document.xml is 190 MB of XML (bench/hostile.js; issue 11, 4.2);
//   3. heavy            — the same 4 loops with files just under the readers' part limit (31 MB of
//                         XML, a 31 MB page of zeros): they pass the readers' limits, so the worker
//                         threads, their heap and time limits and the bounded queue do the work;
//   4. login flood      — 16 loops of POST /api/auth/login with a wrong password.
//
// For each: health latency (p50, p99, max), the server's peak RSS, and the answers by status.
// Figures go to the console and to bench/results/abuse.json. The aim (issue 11): while 4 hostile
// uploads run, health p99 < 100 ms and memory bounded.
//
// Options: BENCH_SECONDS=<s per phase> (default 15).

import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { hostileDocx, hostilePdf } from './hostile.js';
import { ask, requireBuild, serveInChild } from './support/child.js';
import { createCounty } from './support/county.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PASSWORD = 'Bench-password-1';
const USERNAME = 'bench.jbr';
const HEALTH_AIM_P99_MS = 100;
const UPLOAD_LOOPS = 4;
const LOGIN_LOOPS = 16;

if (!Number.isFinite(SECONDS) || SECONDS <= 0) throw new Error('BENCH_SECONDS should be a positive number');

// ---------------------------------------------------------------------------------------------
// The child: the server, and its memory.

async function serveChild(dataDir) {
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));
  await serveInChild({
    database: { dataDir },
    async prepare(services) {
      const { agency } = await createCounty(services);
      await services.organs.createUser(null, {
        organId: agency.id,
        username: USERNAME,
        displayName: '李经办',
        role: 'officer',
        password: PASSWORD,
      });
      setInterval(sample, 100).unref();
      return { organId: agency.id };
    },
    onMessage(message) {
      if (message?.type !== 'memory') return;
      sample();
      process.send({ type: 'memory', peak, now: process.memoryUsage.rss() });
      peak = 0;
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The parent: phases, probes, figures.

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const mb = (bytes) => Math.round(bytes / 2 ** 20);

/** Health probes, one after the other, until `until`; latencies in ms. */
async function probeHealth(base, until) {
  const latencies = [];
  let failures = 0;
  while (performance.now() < until) {
    const started = performance.now();
    const response = await fetch(`${base}/api/health`).catch(() => undefined);
    if (response) await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (response?.status !== 200) failures += 1;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  latencies.sort((a, b) => a - b);
  return {
    samples: latencies.length,
    failures,
    p50Ms: Number(percentile(latencies, 50).toFixed(1)),
    p99Ms: Number(percentile(latencies, 99).toFixed(1)),
    maxMs: Number(latencies[latencies.length - 1].toFixed(1)),
  };
}

/** Sends `request()` again as soon as it is answered, until `until`; answers counted by status. */
async function loop(request, until, statuses, messages) {
  while (performance.now() < until) {
    const response = await request().catch((error) => ({ status: `error ${error.code ?? error.message}` }));
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    if (response.json) {
      const body = await response.json().catch(() => undefined);
      const message = body?.error?.message;
      if (message) messages.add(`${response.status} ${message.replace(/^.*?：/, '')}`);
    }
  }
}

async function login(base) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = await response.json();
  return { cookie, 'x-csrf-token': csrfToken };
}

/** The attacker's loops of a phase (run in the attacker process). */
function attackLoops(phase, { base, organId, headers }) {
  const upload = (name, bytes) => () =>
    fetch(`${base}/api/organs/${organId}/parse?fileName=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
  const uploads = (pdf, docx) => [
    upload('炸弹.pdf', pdf),
    upload('炸弹.docx', docx),
    upload('炸弹.pdf', pdf),
    upload('炸弹.docx', docx),
  ];
  const wrongLogin = () =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: USERNAME, password: 'wrong-password' }),
    });
  if (phase === 'bombs') return uploads(hostilePdf(256), hostileDocx(190));
  if (phase === 'heavy') return uploads(hostilePdf(31), hostileDocx(31));
  if (phase === 'login flood') return Array.from({ length: LOGIN_LOOPS }, () => wrongLogin);
  return [];
}

/** The attacker process: runs a phase's loops when told, and answers with what it got back. */
function attackChild() {
  process.on('message', async (message) => {
    if (message?.type === 'stop') process.exit(0);
    if (message?.type !== 'attack') return;
    const loops = attackLoops(message.phase, message.target);
    const statuses = {};
    const messages = new Set();
    const until = performance.now() + message.seconds * 1000;
    await Promise.all(loops.map((request) => loop(request, until, statuses, messages)));
    process.send({ type: 'done', statuses, messages: [...messages] });
  });
}

async function runPhase(name, base, server, attacker, target) {
  const until = performance.now() + SECONDS * 1000;
  const [health, attack] = await Promise.all([
    probeHealth(base, until),
    name === 'quiet'
      ? { statuses: {}, messages: [] }
      : ask(attacker, { type: 'attack', phase: name, target, seconds: SECONDS }),
  ]);
  const { statuses, messages } = attack;
  const memory = await ask(server, { type: 'memory' });
  const result = { phase: name, health, peakRssMb: mb(memory.peak), rssAfterMb: mb(memory.now), statuses };
  if (messages.length > 0) result.messages = messages;
  const answers = Object.entries(statuses)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  console.log(
    `${name.padEnd(12)} health p50 ${health.p50Ms} ms, p99 ${health.p99Ms} ms, max ${health.maxMs} ms ` +
      `(${health.samples} probes, ${health.failures} failed); peak RSS ${result.peakRssMb} MB; ${answers || '—'}`,
  );
  for (const message of messages) console.log(`${''.padEnd(13)}${message}`);
  return result;
}

async function parent() {
  await requireBuild('bench:abuse');
  const cpu = cpus()[0]?.model?.trim() ?? 'unknown';
  console.log(`node ${process.version}; CPU: ${cpu}; ${cpus().length} logical CPUs, ${mb(totalmem())} MB RAM`);
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${SECONDS} s per phase; PGlite\n`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'xxgk-bench-abuse-'));
  const server = fork(fileURLToPath(import.meta.url), ['--child', dataDir], { stdio: 'inherit' });
  const attacker = fork(fileURLToPath(import.meta.url), ['--attack'], { stdio: 'inherit' });
  const results = [];
  try {
    const { port, organId } = await ask(server);
    const base = `http://127.0.0.1:${port}`;
    const target = { base, organId, headers: await login(base) };
    for (const phase of ['quiet', 'bombs', 'heavy', 'login flood']) {
      results.push(await runPhase(phase, base, server, attacker, target));
    }
  } finally {
    attacker.send({ type: 'stop' });
    server.send({ type: 'stop' });
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
  const flood = results.find((r) => r.phase === 'login flood');
  const floodTotal = Object.values(flood.statuses).reduce((sum, n) => sum + n, 0);
  const throttled = ((flood.statuses[429] ?? 0) / Math.max(1, floodTotal)) * 100;
  console.log(`\nlogin flood: ${floodTotal} attempts, ${throttled.toFixed(1)} % answered 429`);
  const attacked = results.filter((r) => r.phase === 'bombs' || r.phase === 'heavy');
  const worst = Math.max(...attacked.map((r) => r.health.p99Ms));
  console.log(
    `aim: health p99 < ${HEALTH_AIM_P99_MS} ms while ${UPLOAD_LOOPS} hostile uploads run: ` +
      `${worst < HEALTH_AIM_P99_MS ? 'met' : 'NOT met'} (worst p99 ${worst} ms)`,
  );

  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'abuse.json');
  const json = JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpu,
      logicalCpus: cpus().length,
      loadAverage: loadavg(),
      engine: 'pglite',
      secondsPerPhase: SECONDS,
      uploadLoops: UPLOAD_LOOPS,
      loginLoops: LOGIN_LOOPS,
      loginFlood: { attempts: floodTotal, throttledPercent: Number(throttled.toFixed(1)) },
      phases: results,
    },
    null,
    2,
  );
  writeFileSync(out, `${json}\n`);
  console.log(`results written to ${out}`);
}

if (process.argv[2] === '--child') await serveChild(process.argv[3]);
else if (process.argv[2] === '--attack') attackChild();
else await parent();
