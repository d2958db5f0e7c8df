import { readFile } from 'node:fs/promises';
import { request, type APIRequestContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { solveCaptchaForTest } from '../../server/src/features/portal/testing.js';
import { DEMO_PASSWORD } from '../../server/src/demo/organs.js';
import { e2eSession, newPage, REVIEW_SCREENSHOTS, screenshot, type E2eApp } from './support.js';

const YJ = 2;
const REQUEST = '相山区2026年度危险化学品企业安全生产检查计划（门户测试）';

/** Once more when the server closed an idle keep-alive connection under the request (Node's 5 s timeout). */
async function retryReset<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && error.message.includes('ECONNRESET')) return run();
    throw error;
  }
}

/** A member of staff working through the API, logged in with their own session and CSRF token. */
async function staff(app: E2eApp, username: string) {
  const context: APIRequestContext = await request.newContext({ baseURL: app.baseUrl });
  const login = await context.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    context,
    async get<T>(path: string): Promise<T> {
      const response = await retryReset(() => context.get(path));
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()) as T;
    },
    async post<T>(path: string, data?: unknown): Promise<T> {
      const response = await retryReset(() =>
        context.post(path, { data: data ?? {}, headers: { 'X-CSRF-Token': csrfToken } }),
      );
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()) as T;
    },
  };
}
type Staff = Awaited<ReturnType<typeof staff>>;

async function act(as: Staff, id: number, action: Record<string, unknown>) {
  const current = await as.get<{ version: number }>(`/api/applications/${id}`);
  return as.post<{ status: string; dueOn: string | null }>(`/api/applications/${id}/actions`, {
    version: current.version,
    action,
  });
}

async function compiledCells(as: Staff): Promise<Record<string, number | null>> {
  const state = await as.post<{ report: { cells: Record<string, number | null> } }>(
    `/api/organs/${YJ}/reports/2026/compile`,
  );
  return state.report.cells;
}

/** Reads the captcha the page shows and answers it with the server's secret (the test hook). */
async function answerCaptcha(page: Page, app: E2eApp, token: string) {
  await page.getByLabel('验证码').fill(solveCaptchaForTest(app.services, token));
}

describe('the public portal in a real browser', () => {
  const session = e2eSession();

  it('a citizen applies, is asked to 补正, follows the case to the answer, and the report counts it', async () => {
    const officer = await staff(session.app, 'yj.jbr');
    const reviewer = await staff(session.app, 'yj.shr');
    const before = await compiledCells(officer);

    const page = await newPage(session.browser);
    const captchas: string[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/portal/captcha' && response.ok()) {
        void response.json().then((body: { token: string }) => captchas.push(body.token));
      }
    });
    await page.goto(`${session.app.baseUrl}/portal`);
    await page.getByRole('heading', { name: '政府信息公开申请' }).waitFor();
    await expect(page.getByRole('link', { name: '工作人员登录' }).getAttribute('href')).resolves.toBe('/login');
    await page.getByText('申请人的姓名或者名称、身份证明、联系方式').waitFor();

    // By keyboard: type to search the organs, Enter picks the match.
    await page.getByLabel('受理机关').fill('应急管理局');
    // Five places each have an 应急管理局: each is listed under its region, the places in Chinese order.
    const groups = page.locator('.ant-select-dropdown:visible .ant-select-item-group');
    await groups.first().waitFor();
    // The list is filtered as the name is typed: asked again until it settles (a loaded CI machine saw it mid-render).
    await expect
      .poll(() => groups.allInnerTexts(), { timeout: 30_000 })
      .toEqual([
        '安徽省淮北市相山区',
        '河南省新乡市卫滨区',
        '湖北省黄石市大冶市',
        '浙江省杭州市上城区',
        '浙江省嘉兴市海盐县',
      ]);
    await screenshot(page, 'portal-organ-by-region', REVIEW_SCREENSHOTS);
    await page.getByLabel('受理机关').press('Enter');
    await page.locator('.ant-select-content, .ant-select-selection-item').getByText('相山区应急管理局').waitFor();
    await page.getByLabel('姓名').fill('王小明');
    await page.getByLabel('身份证件号码').fill('340602199001011234');
    await page.getByLabel('联系电话').fill('13800000000');
    await page.getByLabel('电子邮箱').fill('wang@example.cn');
    await page.getByLabel('所需政府信息').fill(REQUEST);
    await page.getByRole('img', { name: /验证码/ }).waitFor();
    // A wrong answer is refused in Chinese and the image changes.
    await page.getByLabel('验证码').fill('999');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('验证码计算结果不正确').first().waitFor();
    await expect.poll(() => captchas.length).toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: '换一张' }).click();
    await expect.poll(() => captchas.length).toBeGreaterThanOrEqual(3);
    // Whoever cannot see the image asks for the sum in words, which a screen reader reads out.
    await page.getByRole('button', { name: /改用文字题/ }).click();
    await expect.poll(() => captchas.length).toBeGreaterThanOrEqual(4);
    const question = page.locator('#captcha-question');
    await expect
      .poll(() => question.innerText())
      .toMatch(/^[一二三四五六七八九十]+[加减][一二三四五六七八九十]+等于多少？$/);
    await expect(page.getByLabel('验证码').getAttribute('aria-describedby')).resolves.toBe('captcha-question');
    await page.getByRole('button', { name: '改用图片验证码' }).click();
    await expect.poll(() => captchas.length).toBeGreaterThanOrEqual(5);
    await page.getByRole('img', { name: /验证码/ }).waitFor();
    await answerCaptcha(page, session.app, captchas.at(-1) as string);
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await page.getByLabel('验证码').blur();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await screenshot(page, 'portal-apply');
    await page.getByRole('button', { name: '提交申请' }).click();

    await page.getByText('申请已提交').waitFor();
    const code = (await page.getByTestId('query-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{12}$/);
    await page.getByText('请抄写或截图保存查询码').waitFor();
    await page.getByText('2026-11-23', { exact: false }).first().waitFor();
    const firstDue = (await page.getByRole('row', { name: /答复期限/ }).innerText()).match(/\d{4}-\d{2}-\d{2}/)?.[0];
    // 20 working days from 11/24: 12/21.
    expect(firstDue).toBe('2026-12-21');

    // The officer finds the case, received online today, and asks for 补正.
    const list = await officer.get<{ total: number; items: { id: number; channel: string; receivedOn: string }[] }>(
      `/api/organs/${YJ}/applications?q=${encodeURIComponent('门户测试')}`,
    );
    expect(list.total).toBe(1);
    const [item] = list.items;
    expect(item).toMatchObject({ channel: 'online', receivedOn: '2026-11-23' });
    const id = item?.id as number;
    session.app.setToday('2026-11-24');
    await act(officer, id, {
      type: 'requestCorrection',
      on: '2026-11-24',
      note: '请写明检查计划的文号或发布时间',
    });

    await page.getByRole('button', { name: '查看办理进度' }).click();
    await page.waitForURL(/\/portal\/status\?code=/);
    await page.getByText('请于').first().waitFor();
    await page.getByText('需要补正的内容：请写明检查计划的文号或发布时间').waitFor();
    await page.getByText('补正中').first().waitFor();
    await page.getByText('王**').waitFor();
    expect(await page.content()).not.toContain('340602199001011234');

    // The corrected application comes in later: the 答复期限 restarts from it.
    session.app.setToday('2026-11-27');
    const corrected = await act(officer, id, { type: 'receiveCorrection', on: '2026-11-27' });
    expect(corrected.dueOn).not.toBe(firstDue);
    await page.reload();
    const dueRow = page.getByRole('row', { name: /答复期限/ });
    await dueRow.getByText(corrected.dueOn as string).waitFor();
    // 20 working days from 11/30: 12/25.
    expect(corrected.dueOn).toBe('2026-12-25');
    await page.getByText('收到补正后的申请', { exact: true }).waitFor();

    await act(officer, id, { type: 'draftAnswer', on: '2026-11-27', outcome: 'granted' });
    await act(reviewer, id, { type: 'approveAnswer', on: '2026-11-27' });

    // The citizen looks the case up again by the code typed in, and downloads the answer.
    const citizen = await newPage(session.browser);
    await citizen.goto(`${session.app.baseUrl}/portal/status`);
    await citizen.getByLabel('查询码').fill(code.toLowerCase());
    await citizen.getByRole('button', { name: /查\s*询/ }).click();
    await citizen.getByText('已于 2026-11-27 作出答复：予以公开').waitFor();
    await citizen.getByText('作出答复', { exact: true }).waitFor();
    await screenshot(citizen, 'portal-status');
    const [download] = await Promise.all([
      citizen.waitForEvent('download'),
      citizen.getByRole('button', { name: /下载答复书/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/依申第\d+号.*\.docx$/);
    const bytes = await readFile((await download.path()) as string);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // A wrong code shows the not-found state in Chinese.
    await citizen.getByLabel('查询码').fill('ABCDEFGHJKLM');
    await citizen.getByRole('button', { name: /查\s*询/ }).click();
    await citizen.getByText('查询码不存在或无权查看').waitFor();

    // The annual report compiled from the records counts the case.
    const after = await compiledCells(officer);
    expect(after['s3.new.natural']).toBe((before['s3.new.natural'] ?? 0) + 1);
    expect(after['s3.granted.natural']).toBe((before['s3.granted.natural'] ?? 0) + 1);

    await officer.context.dispose();
    await reviewer.context.dispose();
  });
});
