import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { formatError } from '../src/log.js';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';

/** The applicant's personal data that must never reach the log. */
const ID_NUMBER = '340603199001011234';
const PHONE = '13800000000';
const NAME = '王小明';

/** Everything the server writes to the console while a test runs. */
function captureConsole(): { text: () => string; restore: () => void } {
  const lines: string[] = [];
  const spies = (['error', 'warn', 'log', 'info'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
  );
  return { text: () => lines.join('\n'), restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

describe.each(ENGINES)('hostile text, numbers and dates on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let log: ReturnType<typeof captureConsole>;
  beforeAll(async () => {
    server = await startTestServer(engine, '2026-03-02');
    officer = await server.login('officer');
  });
  afterAll(() => server.close());
  beforeEach(() => {
    log = captureConsole();
  });
  afterEach(() => {
    const printed = log.text();
    log.restore();
    for (const personal of [ID_NUMBER, PHONE, NAME]) expect(printed).not.toContain(personal);
  });

  it('answers a NUL in the query, a user name or an application field with a 400 in Chinese', async () => {
    const agency = server.organs.agency;
    const search = await officer.request('GET', `/api/organs/${agency}/applications?q=%00`);
    expect(search.status).toBe(400);
    expect(search.body.error.message).toBe('查询参数“q”含有不允许的控制字符（NUL）');

    const login = await server
      .anonymous()
      .request('POST', '/api/auth/login', { username: 'off\u0000icer', password: 'x' });
    expect(login.status).toBe(400);
    expect(login.body.error.message).toContain('含有不允许的控制字符（NUL）');

    const application = await officer.request(
      'POST',
      `/api/organs/${agency}/applications`,
      intake({ applicantName: `${NAME}\u0000`, applicantIdNumber: ID_NUMBER, applicantPhone: PHONE }),
    );
    expect(application.status).toBe(400);
    expect(application.body.error.message).toBe('字段“applicantName”含有不允许的控制字符（NUL）');
    const bell = await officer.request(
      'POST',
      `/api/organs/${agency}/applications`,
      intake({ request: '申请\u0007公开' }),
    );
    expect(bell.status).toBe(400);
    expect(bell.body.error.message).toContain('U+0007');
    // Line breaks and tabs are text.
    const multiline = await officer.request(
      'POST',
      `/api/organs/${agency}/applications`,
      intake({ request: '一、\n二、\t三' }),
    );
    expect(multiline.status).toBe(201);
    // Nothing half-stored: the NUL application is not there.
    const list = await officer.request('GET', `/api/organs/${agency}/applications`);
    expect(list.body.total).toBe(1);
  });

  it('refuses JSON nested beyond any request of the API', async () => {
    const depth = 100_000;
    const response = await server.app.request(`/api/organs/${server.organs.agency}/applications`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: officer.cookie ?? '',
        'x-csrf-token': officer.csrfToken ?? '',
      },
      body: `{"request": ${'['.repeat(depth)}${']'.repeat(depth)}}`,
    });
    const body = (await response.json()) as { error: { message: string } };
    expect(response.status).toBe(400);
    expect(body.error.message).toContain('嵌套超过');
  });

  it('answers ids beyond the database integer and impossible dates with a 400', async () => {
    for (const id of ['2147483648', '99999999999999999999', '1e30']) {
      const response = await officer.request('PUT', `/api/documents/${id}`, {
        kind: 'normativeDoc',
        title: '某某管理办法',
        issuedOn: '2025-01-01',
      });
      expect(response.status, id).toBe(400);
      const organ = await officer.request('GET', `/api/organs/${id}/documents`);
      expect(organ.status, id).toBe(400);
    }
    for (const date of ['2026-02-30', '9999-99-99', '2025-02-29']) {
      const response = await officer.request('POST', `/api/organs/${server.organs.agency}/documents`, {
        kind: 'normativeDoc',
        title: '某某管理办法',
        issuedOn: date,
      });
      expect(response.status, date).toBe(400);
      expect(response.body.error.message).toContain('真实日期');
    }
    const leap = await officer.request('POST', `/api/organs/${server.organs.agency}/documents`, {
      kind: 'normativeDoc',
      title: '某某管理办法',
      issuedOn: '2024-02-29',
    });
    expect(leap.status).toBe(201);
  });

  it('logs a database error without the rows or parameters the driver attaches to it', async () => {
    // A NOT NULL violation: PostgreSQL sends the failing row back in its detail.
    const error =
      await sql`insert into organs (parent_id, path, name, kind, code) values (null, ${ID_NUMBER}, null, ${PHONE}, ${NAME})`
        .execute(server.services.db)
        .then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
    expect(error).toBeInstanceOf(Error);
    // The driver's error does carry them (which is why it is never printed whole)…
    const whole = JSON.stringify(error, Object.getOwnPropertyNames(error)) + String((error as Error).message);
    expect(whole.includes(NAME) || whole.includes(PHONE) || whole.includes(ID_NUMBER)).toBe(true);
    // …and the log line does not.
    const line = formatError(error, 'POST /api/organs');
    expect(line).toMatch(/^xxgk：POST \/api\/organs：\w+/);
    for (const personal of [ID_NUMBER, PHONE, NAME]) expect(line).not.toContain(personal);
  });
});

describe.each(ENGINES)('ten compiles of a new year at once on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine, '2026-03-02');
  });
  afterAll(() => server.close());

  it('makes one draft; the others succeed or are told of the conflict, never a 500', async () => {
    const officers = await Promise.all(Array.from({ length: 10 }, () => server.login('officer')));
    const path = `/api/organs/${server.organs.agency}/reports/2025/compile`;
    const answers = await Promise.all(officers.map((officer) => officer.request('POST', path)));
    const statuses = answers.map((answer) => answer.status);
    expect(
      statuses.every((status) => status === 200 || status === 409),
      statuses.join(),
    ).toBe(true);
    expect(statuses).toContain(200);
    for (const answer of answers.filter((a) => a.status === 409)) expect(answer.body.error.message).toMatch(/同时/);
    const drafts = await server.services.db
      .selectFrom('annual_reports')
      .select('id')
      .where('organ_id', '=', server.organs.agency)
      .where('year', '=', 2025)
      .execute();
    expect(drafts).toHaveLength(1);
  });
});
