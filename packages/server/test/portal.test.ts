import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Captcha, chineseNumber } from '../src/features/portal/captcha.js';
import { TEST_CLIENT_HEADER } from '../src/features/portal/routes.js';
import { maskName } from '../src/features/portal/service.js';
import { solveCaptchaForTest } from '../src/features/portal/testing.js';
import { ENGINES } from './support/databases.js';
import { actOn, startTestServer, type TestClient, type TestServer } from './support/http.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

describe('portal captcha', () => {
  it('draws the sum as paths, accepts the right answer once and refuses forged or expired tokens', () => {
    let now = 1_000_000;
    const captcha = new Captcha(() => now);
    const { token, svg = '' } = captcha.issue();
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('<path');
    expect(svg).not.toContain('<text');
    // The challenge is not in the token: only the secret yields it.
    const answer = captcha.solve(token) as string;
    // (Its random id may hold the answer's digits by chance, about one run in a hundred: no part is the answer.)
    expect(token.split('.')).toHaveLength(3);
    expect(token.split('.')).not.toContain(answer);
    expect(new Captcha(() => now).solve(token)).toBeUndefined();
    expect(() => captcha.verify(`${token.slice(0, -2)}xx`, answer)).toThrow(/验证码无效/);
    captcha.verify(token, answer);
    expect(() => captcha.verify(token, answer)).toThrow(/验证码无效或已过期/);
    const late = captcha.issue();
    now += 11 * 60_000;
    expect(() => captcha.verify(late.token, captcha.solve(late.token) ?? '0')).toThrow(/已过期/);
  });

  it('writes numbers in words as people say them', () => {
    expect([1, 9, 10, 11, 19, 20, 23, 40, 47, 99].map(chineseNumber)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十三',
      '四十',
      '四十七',
      '九十九',
    ]);
    expect(() => chineseNumber(100)).toThrow(RangeError);
  });

  it('asks the same kind of sum in words for people who cannot see the image, checked the same way', () => {
    const captcha = new Captcha();
    const words = new Map([...Array(100).keys()].map((n) => [chineseNumber(n), n]));
    for (let i = 0; i < 200; i++) {
      const challenge = captcha.issue('text');
      expect(challenge.svg).toBeUndefined();
      const match = /^(.+?)(加|减)(.+?)等于多少？$/.exec(challenge.question ?? '');
      expect(match, challenge.question).not.toBeNull();
      const [, left = '', op, right = ''] = match as RegExpExecArray;
      const [a, b] = [words.get(left) ?? NaN, words.get(right) ?? NaN];
      const expected = op === '加' ? a + b : a - b;
      expect(captcha.solve(challenge.token)).toBe(String(expected));
    }
    const { token } = captcha.issue('text');
    captcha.verify(token, captcha.solve(token) as string);
  });

  it('masks the applicant name', () => {
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('安徽某某科技有限公司')).toBe('安****');
    expect(maskName('李')).toBe('*');
  });
});

describe.each(ENGINES)('public portal on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let reviewer: TestClient;
  let address = 0;
  beforeAll(async () => {
    server = await startTestServer(engine, '2026-03-02');
    officer = await server.login('officer');
    reviewer = await server.login('reviewer');
  });
  afterAll(() => server.close());

  /** A request from the public, from the client address `from`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function publicRequest<T = any>(method: string, path: string, from: string, body?: unknown): Promise<Reply<T>> {
    const headers: Record<string, string> = { [TEST_CLIENT_HEADER]: from };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await server.app.request(path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await response.json() : new Uint8Array(await response.arrayBuffer());
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  function form(overrides: Record<string, unknown> = {}) {
    return {
      organId: server.organs.agency,
      applicantKind: 'natural',
      applicantName: '王小明',
      applicantIdNumber: '340602199001011234',
      applicantPhone: '13800000000',
      request: '相山区2025年度安全生产检查计划',
      deliveryForm: 'electronic',
      deliveryWay: 'email',
      applicantEmail: 'wang@example.cn',
      ...overrides,
    };
  }

  it('gives the text question over HTTP when asked, as accessible alternative to the image', async () => {
    const got = await publicRequest<{ token: string; mode: string; svg?: string; question?: string }>(
      'GET',
      '/api/portal/captcha?mode=text',
      `text-${(address += 1)}`,
    );
    expect(got.status).toBe(200);
    expect(got.body.mode).toBe('text');
    expect(got.body.svg).toBeUndefined();
    expect(got.body.question).toMatch(/^[一二三四五六七八九十]+[加减][一二三四五六七八九十]+等于多少？$/);
    const bad = await publicRequest('GET', '/api/portal/captcha?mode=audio', `text-${(address += 1)}`);
    expect(bad.status).toBe(400);
  });

  async function captcha(from: string) {
    const got = await publicRequest<{ token: string; svg: string }>('GET', '/api/portal/captcha', from);
    expect(got.status).toBe(200);
    return got.body;
  }

  const act = (id: number, action: Record<string, unknown>, as: TestClient = officer) => actOn(as, id, action);

  it('lists the departments that accept applications, without login', async () => {
    const organs = await publicRequest<{ id: number; name: string }[]>('GET', '/api/portal/organs', 'a');
    expect(organs.status).toBe(200);
    const ids = organs.body.map((o) => o.id);
    expect(ids).toContain(server.organs.agency);
    expect(ids).toContain(server.organs.otherAgency);
    expect(ids).not.toContain(server.organs.government);
  });

  it('takes an application online, and the applicant follows it to the answer by the query code', async () => {
    server.setToday('2026-03-02');
    const from = `apply-${(address += 1)}`;
    const wrong = await captcha(from);
    const refused = await publicRequest('POST', '/api/portal/applications', from, {
      ...form(),
      captchaToken: wrong.token,
      captchaAnswer: String(Number(solveCaptchaForTest(server.services, wrong.token)) + 1),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('验证码计算结果不正确');

    const noId = await captcha(from);
    const missingId = await publicRequest('POST', '/api/portal/applications', from, {
      ...form({ applicantIdNumber: undefined }),
      captchaToken: noId.token,
      captchaAnswer: solveCaptchaForTest(server.services, noId.token),
    });
    expect(missingId.status).toBe(400);
    expect(missingId.body.error.message).toContain('身份证明');

    const right = await captcha(from);
    const rightAnswer = solveCaptchaForTest(server.services, right.token);
    const created = await publicRequest('POST', '/api/portal/applications', from, {
      ...form(),
      captchaToken: right.token,
      captchaAnswer: rightAnswer,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.receivedOn).toBe('2026-03-02');
    // 20 working days from 3/3: 3/30.
    expect(created.body.dueOn).toBe('2026-03-30');
    expect(created.body.serialNo).toBe('〔2026〕XSYJ依申第1号');
    expect(created.body.queryCode).toMatch(/^[A-Z2-9]{12}$/);
    const code = created.body.queryCode as string;

    // The token was spent.
    const again = await publicRequest('POST', '/api/portal/applications', from, {
      ...form(),
      captchaToken: right.token,
      captchaAnswer: rightAnswer,
    });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain('验证码无效或已过期');

    // The officer sees the case, received online today.
    const list = await officer.request('GET', `/api/organs/${server.organs.agency}/applications?q=安全生产检查计划`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const item = list.body.items[0];
    expect(item).toMatchObject({ serialNo: created.body.serialNo, channel: 'online', applicantName: '王小明' });
    const id = item.id as number;
    const detail = await officer.request('GET', `/api/applications/${id}`);
    expect(detail.body.applicant.idNumber).toBe('340602199001011234');
    expect(detail.body.queryCode).toBe(code);

    let status = await publicRequest('GET', `/api/portal/applications/${code.toLowerCase()}`, from);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      serialNo: created.body.serialNo,
      organName: '相山区应急管理局',
      applicantName: '王**',
      statusLabel: '办理中',
      dueOn: '2026-03-30',
      answerAvailable: false,
    });
    expect(JSON.stringify(status.body)).not.toContain('340602199001011234');
    expect(JSON.stringify(status.body)).not.toContain('王小明');
    expect(status.body.steps.map((s: { title: string }) => s.title)).toEqual(['收到申请']);

    server.setToday('2026-03-03');
    await act(id, { type: 'requestCorrection', on: '2026-03-03', note: '请写明所需检查计划的文号或发布时间' });
    status = await publicRequest('GET', `/api/portal/applications/${code}`, from);
    expect(status.body.statusLabel).toBe('补正中');
    expect(status.body.correction.items).toBe('请写明所需检查计划的文号或发布时间');
    expect(status.body.dueOn).toBeNull();
    expect(status.body.steps[1]).toMatchObject({ title: '补正告知', on: '2026-03-03' });
    expect(status.body.steps[1].detail).toContain('请写明所需检查计划的文号');

    server.setToday('2026-03-06');
    await act(id, { type: 'receiveCorrection', on: '2026-03-06' });
    status = await publicRequest('GET', `/api/portal/applications/${code}`, from);
    // 20 working days from 3/9: 4/3 (清明 4/4–4/6 is after).
    expect(status.body.dueOn).toBe('2026-04-03');
    expect(status.body.steps.at(-1)).toMatchObject({ title: '收到补正后的申请', dueOn: '2026-04-03' });

    const early = await publicRequest('GET', `/api/portal/applications/${code}/letters/answer`, from);
    expect(early.status).toBe(404);

    await act(id, { type: 'draftAnswer', on: '2026-03-06', outcome: 'granted' });
    await act(id, { type: 'returnAnswer', on: '2026-03-06', note: '内部意见：请附上文件全文' }, reviewer);
    await act(id, { type: 'draftAnswer', on: '2026-03-06', outcome: 'granted' });
    status = await publicRequest('GET', `/api/portal/applications/${code}`, from);
    expect(status.body.statusLabel).toBe('答复待审核');
    await act(id, { type: 'approveAnswer', on: '2026-03-06' }, reviewer);

    status = await publicRequest('GET', `/api/portal/applications/${code}`, from);
    expect(status.body).toMatchObject({
      statusLabel: '已办结',
      outcome: 'granted',
      outcomeLabel: '予以公开',
      closedOn: '2026-03-06',
      answerAvailable: true,
      dueOn: null,
    });
    expect(JSON.stringify(status.body)).not.toContain('内部意见');
    expect(status.body.steps.map((s: { title: string }) => s.title)).toEqual([
      '收到申请',
      '补正告知',
      '收到补正后的申请',
      '作出答复',
    ]);

    const letter = await publicRequest<Uint8Array>('GET', `/api/portal/applications/${code}/letters/answer`, from);
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toContain('wordprocessingml');
    expect(decodeURIComponent(letter.headers.get('content-disposition') ?? '')).toContain('〔2026〕XSYJ依申第1号');
    expect(Buffer.from(letter.body.subarray(0, 2)).toString()).toBe('PK');
  });

  it('answers 404 to a wrong or malformed code, the same way', async () => {
    const from = `code-${(address += 1)}`;
    for (const code of ['ABCDEFGHJKLM', 'short', '%27%20or%201%3D1']) {
      const response = await publicRequest('GET', `/api/portal/applications/${code}`, from);
      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe('查询码不存在或无权查看');
    }
  });

  it('refuses an organ that does not accept applications', async () => {
    const from = `organ-${(address += 1)}`;
    const challenge = await captcha(from);
    const response = await publicRequest('POST', '/api/portal/applications', from, {
      ...form({ organId: server.organs.government }),
      captchaToken: challenge.token,
      captchaAnswer: solveCaptchaForTest(server.services, challenge.token),
    });
    expect(response.status).toBe(404);
  });

  it('limits applications and look-ups per client address, in Chinese', async () => {
    const from = `flood-${(address += 1)}`;
    for (let i = 0; i < 5; i++) {
      const response = await publicRequest('POST', '/api/portal/applications', from, { organId: 1 });
      expect(response.status).toBe(400);
    }
    const limited = await publicRequest('POST', '/api/portal/applications', from, { organId: 1 });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toContain('提交申请过于频繁');
    // Another address is not affected.
    const other = await publicRequest('POST', '/api/portal/applications', `${from}-other`, { organId: 1 });
    expect(other.status).toBe(400);

    for (let i = 0; i < 60; i++) {
      const response = await publicRequest('GET', '/api/portal/applications/ABCDEFGHJKLM', from);
      expect(response.status).toBe(404);
    }
    const tooMany = await publicRequest('GET', '/api/portal/applications/ABCDEFGHJKLM', from);
    expect(tooMany.status).toBe(429);
    expect(tooMany.body.error.message).toContain('查询过于频繁');
  });
});
