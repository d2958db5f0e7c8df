// The parent's part of `npm run bench:api`: autocannon against the child's server, request kind by
// request kind, every answer checked.

import { sampleIntake } from '../support/county.js';
import {
  APPLICATIONS,
  CONNECTIONS,
  PAGE_SIZE,
  PASSWORD,
  READ_AIM,
  SECONDS,
  TODAY,
  WARMUP_SECONDS,
  YEAR,
} from './settings.js';

export async function measureHttp(engine, ready) {
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
  const intakeBody = JSON.stringify(sampleIntake({ submittedOn: `${YEAR + 1}-01-08`, receivedOn: TODAY }));

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
