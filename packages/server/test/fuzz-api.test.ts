import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiDescription } from '../src/http/app.js';
import { ENGINES } from './support/databases.js';
import { encode, fromSchema, hostileText, hostileValue, parameterValue, PERSONAL_DATA } from './support/hostile.js';
import { startTestServer, USERS, type TestClient, type TestServer } from './support/http.js';

type Schema = Record<string, unknown>;
interface Operation {
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly { name: string; in: string; schema: Schema }[];
  readonly body?: { type: string; schema: Schema };
}

const doc = apiDescription() as unknown as Schema;

/** Every operation of the API description, except logging out (it would end the fuzzer's sessions). */
const OPERATIONS: readonly Operation[] = Object.entries(doc.paths as Record<string, Record<string, Schema>>)
  .flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content;
      const [type, media] = Object.entries(content ?? {})[0] ?? [];
      return {
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []) as Operation['parameters'],
        ...(type ? { body: { type, schema: media?.schema ?? {} } } : {}),
      };
    }),
  )
  .filter((op) => op.path !== '/api/auth/logout');

/** Requests per engine: at least 10,000 on the embedded database, and a share on PostgreSQL. */
const REQUESTS: Record<string, number> = { pglite: 10_100, postgres: 2_500 };

/** The body a request carries, by the media type the operation takes. */
function bodyFor(op: Operation, ids: readonly number[]): fc.Arbitrary<BodyInit | undefined> {
  if (!op.body)
    return fc.oneof(
      fc.constant(undefined),
      hostileValue().map((v) => JSON.stringify(v) ?? 'null'),
    );
  if (op.body.type === 'application/json')
    return fc.oneof(
      { weight: 5, arbitrary: fromSchema(op.body.schema, doc, ids).map((v) => JSON.stringify(v) ?? 'null') },
      { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '\u0000', '', '[]'.repeat(1000)) },
    );
  if (op.body.type === 'multipart/form-data')
    return fc.tuple(hostileText(), fc.uint8Array({ maxLength: 4096 }), hostileText()).map(([field, bytes, name]) => {
      const form = new FormData();
      form.set('file', new File([bytes], name || 'x.pdf'));
      form.set(field || 'note', name);
      return form;
    });
  return fc.oneof(
    hostileText(),
    fc.uint8Array({ maxLength: 8192 }),
    fc
      .array(fc.array(hostileText(), { maxLength: 6 }), { maxLength: 20 })
      .map((rows) => ['类别,文号,标题,制发日期,废止日期', ...rows.map((r) => r.join(','))].join('\n')),
  );
}

function requestFor(op: Operation, ids: readonly number[]) {
  const params = op.parameters.map((p) =>
    p.in === 'path'
      ? parameterValue(p.schema ?? {}, doc, ids).map((value) => ({ ...p, value }))
      : fc.option(parameterValue(p.schema ?? {}, doc, ids)).map((value) => ({ ...p, value })),
  );
  const roles = ['anonymous', ...Object.keys(USERS)];
  return fc.record({
    role: fc.constantFrom(...roles),
    params: fc.tuple(...params),
    body: bodyFor(op, ids),
    contentType: fc.oneof(
      { weight: 6, arbitrary: fc.constant(op.body?.type) },
      { weight: 1, arbitrary: fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x') },
    ),
  });
}

describe.each(ENGINES)('every route with hostile values on %s', (engine) => {
  let server: TestServer;
  const clients = new Map<string, TestClient>();
  const printed: string[] = [];
  beforeAll(async () => {
    server = await startTestServer(engine, '2026-03-02');
    for (const username of Object.keys(USERS)) clients.set(username, await server.login(username));
    for (const level of ['error', 'warn', 'log', 'info'] as const)
      vi.spyOn(console, level).mockImplementation(
        (...args: unknown[]) => void printed.push(args.map(String).join(' ')),
      );
  }, 120_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await server.close();
  });

  it(`answers ${REQUESTS[engine]?.toLocaleString()} requests over ${OPERATIONS.length} operations without a 500`, async () => {
    const ids = Object.values(server.organs);
    const runs = Math.ceil((REQUESTS[engine] ?? 0) / OPERATIONS.length);
    const failures: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const op of OPERATIONS) {
      await fc.assert(
        fc.asyncProperty(requestFor(op, ids), async ({ role, params, body, contentType }) => {
          let path = op.path;
          const query = new URLSearchParams();
          for (const p of params) {
            if (p.in === 'path') path = path.replace(`{${p.name}}`, encode(p.value ?? ''));
            else if (p.value !== null && p.value !== undefined) query.set(p.name, p.value);
          }
          const client = clients.get(role);
          const headers: Record<string, string> = {};
          if (client?.cookie) headers.cookie = client.cookie;
          if (client?.csrfToken) headers['x-csrf-token'] = client.csrfToken;
          if (contentType && !(body instanceof FormData)) headers['content-type'] = contentType;
          const url = `${path}${query.size ? `?${query.toString()}` : ''}`;
          const withBody = op.method !== 'GET' && body !== undefined;
          const response = await server.app.request(url, {
            method: op.method,
            headers,
            ...(withBody ? { body: body as BodyInit } : {}),
          });
          sent += 1;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const type = response.headers.get('content-type') ?? '';
          const text = await response.text();
          if (response.status >= 500 && response.status !== 503)
            failures.push(
              `${op.method} ${url.slice(0, 200)} as ${role} → ${response.status} ${text.slice(0, 300)}\n${printed.at(-1)?.slice(0, 600)}`,
            );
          if (response.status >= 400 && type.includes('json')) {
            const message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? '';
            if (!/[\u4e00-\u9fff]/.test(message))
              failures.push(
                `${op.method} ${op.path} → ${response.status} without a Chinese message: ${text.slice(0, 200)}`,
              );
          }
        }),
        { numRuns: runs, seed: 20261206 },
      );
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(REQUESTS[engine] ?? 0);
    // The values reach the services, not only the first check: some requests succeed.
    const succeeded = [...statuses].filter(([status]) => status < 300).reduce((sum, [, n]) => sum + n, 0);
    process.stdout.write(`fuzz ${engine}: ${JSON.stringify(Object.fromEntries(statuses))}\n`);
    expect(succeeded / sent).toBeGreaterThan(0.05);

    // The server is still up and still works for an officer.
    expect((await server.anonymous().request('GET', '/api/health')).body).toEqual({ status: 'ok' });
    const officer = clients.get('officer');
    expect((await officer?.request('GET', `/api/organs/${server.organs.agency}/applications`))?.status).toBe(200);
    // And nothing personal was written to the log.
    const log = printed.join('\n');
    for (const personal of PERSONAL_DATA) expect(log).not.toContain(personal);
  }, 900_000);
});
