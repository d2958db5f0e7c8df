import { expect } from 'vitest';
import { createCounty } from '../../../../bench/support/county.js';
import type { Role } from '@xxgk/core';
import { createApp, type App } from '../../src/http/app.js';
import { createServices, type Services } from '../../src/services.js';
import type { Engine } from '../../src/db/database.js';
import { openTestDatabase, type TestDatabase } from './databases.js';

export const TEST_PASSWORD = 'Test-password-1';

/**
 * A server in-process over a fresh database, with one government, two agencies under it, a third
 * outside it, and a user of every role. Requests go through `app.request`, the same code path
 * as over a socket, minus the socket.
 */
export interface TestServer {
  readonly app: App;
  readonly services: Services;
  readonly database: TestDatabase;
  readonly organs: { government: number; agency: number; otherAgency: number; foreignGovernment: number };
  /** Sets the date the server believes it is. */
  setToday(date: string): void;
  login(username: string): Promise<TestClient>;
  anonymous(): TestClient;
  close(): Promise<void>;
}

export interface TestResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface TestClient {
  request<T = any>(method: string, path: string, body?: unknown): Promise<TestResponse<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly csrfToken: string | undefined;
  readonly cookie: string | undefined;
}

function client(app: App, cookie?: string, csrfToken?: string): TestClient {
  return {
    cookie,
    csrfToken,
    async request(method, path, body) {
      const headers: Record<string, string> = {};
      if (cookie) headers.cookie = cookie;
      if (csrfToken) headers['x-csrf-token'] = csrfToken;
      let payload: BodyInit | undefined;
      if (body instanceof FormData) payload = body;
      else if (typeof body === 'string') {
        headers['content-type'] = 'text/csv';
        payload = body;
      } else if (body !== undefined) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(body);
      }
      const response = await app.request(path, { method, headers, ...(payload ? { body: payload } : {}) });
      const type = response.headers.get('content-type') ?? '';
      const parsed = type.includes('json') ? await response.json() : new Uint8Array(await response.arrayBuffer());
      return { status: response.status, body: parsed, headers: response.headers };
    },
  };
}

export const USERS: Readonly<Record<string, { organ: keyof TestServer['organs']; role: Role }>> = {
  officer: { organ: 'agency', role: 'officer' },
  officer2: { organ: 'agency', role: 'officer' },
  reviewer: { organ: 'agency', role: 'reviewer' },
  organadmin: { organ: 'agency', role: 'organAdmin' },
  otherofficer: { organ: 'otherAgency', role: 'officer' },
  otherreviewer: { organ: 'otherAgency', role: 'reviewer' },
  supervisor: { organ: 'government', role: 'supervisor' },
  foreignsupervisor: { organ: 'foreignGovernment', role: 'supervisor' },
  sysadmin: { organ: 'government', role: 'sysAdmin' },
};

export async function startTestServer(engine: Engine, today = '2026-03-02'): Promise<TestServer> {
  const database = await openTestDatabase(engine);
  let now = today;
  const services = createServices(database.db, { today: () => now });
  const { government, agency } = await createCounty(services);
  const otherAgency = await services.organs.create(null, {
    parentId: government.id,
    name: '相山区教育局',
    kind: 'department',
    code: 'XSJY',
  });
  const foreignGovernment = await services.organs.create(null, {
    parentId: null,
    name: '杜集区人民政府',
    kind: 'government',
    code: 'DJ',
  });
  const organs = {
    government: government.id,
    agency: agency.id,
    otherAgency: otherAgency.id,
    foreignGovernment: foreignGovernment.id,
  };
  for (const [username, { organ, role }] of Object.entries(USERS)) {
    await services.organs.createUser(null, {
      organId: organs[organ],
      username,
      displayName: username,
      role,
      password: TEST_PASSWORD,
    });
  }
  const app = createApp(services);
  return {
    app,
    services,
    database,
    organs,
    setToday: (date) => {
      now = date;
    },
    async login(username) {
      const response = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: TEST_PASSWORD }),
      });
      if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
      const body = (await response.json()) as { csrfToken: string };
      return client(app, cookie, body.csrfToken);
    },
    anonymous: () => client(app),
    close: () => database.close(),
  };
}

/** Posts raw bytes as the browser does with a dropped file (application/octet-stream). */
export async function postBytes(server: TestServer, client: TestClient, path: string, bytes: Uint8Array) {
  const response = await server.app.request(path, {
    method: 'POST',
    headers: {
      cookie: client.cookie ?? '',
      'x-csrf-token': client.csrfToken ?? '',
      'content-type': 'application/octet-stream',
    },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  return { status: response.status, body: await response.json() };
}

/** What most import tests begin with: a server, the agency's officer signed in, and the agency's id. */
export async function agencyOfficer(engine: Engine, today: string) {
  const server = await startTestServer(engine, today);
  return { server, officer: await server.login('officer'), organ: server.organs.agency };
}

/** Takes an action on a case at its current version, as the case page does; the case after it. */
export async function actOn(client: TestClient, id: number, action: Record<string, unknown>) {
  const current = await client.request('GET', `/api/applications/${id}`);
  const response = await client.request('POST', `/api/applications/${id}/actions`, {
    version: current.body.version,
    action,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}
