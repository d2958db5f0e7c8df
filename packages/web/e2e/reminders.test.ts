import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, clickForAnswer, e2eSession, login, newPage, type E2eApp } from './support.js';

/** Screenshots of issue 14's reminders, 催办, 转办 and workload, at 1366×768. */
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  // Not while a table is still fading in with its next page.
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SHOTS}${name}.png` });
}

async function organId(app: E2eApp, code: string): Promise<number> {
  const row = await app.database.db
    .selectFrom('organs')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function getJson<T>(page: Page, app: E2eApp, path: string): Promise<T> {
  const response = await page.request.get(`${app.baseUrl}${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** The bell's unread count, as its accessible name says it. */
async function bellCount(page: Page): Promise<number> {
  const bell = page.getByRole('button', { name: /^提醒/ });
  await bell.waitFor();
  const name = (await bell.getAttribute('aria-label')) ?? '';
  return Number(/（(\d+)条未读）/.exec(name)?.[1] ?? 0);
}

describe('reminders, 转办, 催办 and workload in a real browser', () => {
  const session = e2eSession();

  it('shows the daily digest under the bell and marks a reminder read', async () => {
    const added = await session.app.services.notifications.digest();
    expect(added).toBeGreaterThan(0);
    const page = await newPage(session.browser);
    await login(page, session.app, 'yj.jbr');
    const mine = await getJson<{ unread: number; items: { kind: string; title: string }[] }>(
      page,
      session.app,
      '/api/notifications?pageSize=50',
    );
    expect(mine.unread).toBeGreaterThan(0);
    await expect.poll(() => bellCount(page), { timeout: 30_000 }).toBe(mine.unread);
    await page.getByRole('button', { name: /^提醒/ }).click();
    await page.waitForURL((url) => url.pathname === '/notifications');
    await page.getByRole('heading', { name: '提醒' }).waitFor();
    const first = mine.items[0] as { kind: string; title: string };
    await page.getByRole('link', { name: first.title }).waitFor();
    // Every kind the digest gave is labelled in Chinese.
    const labels = { dueIn3: '3个工作日内到期', dueIn1: '1个工作日内到期', overdue: '已超期' } as const;
    for (const kind of new Set(mine.items.map((n) => n.kind)))
      await page
        .locator('.ant-tag')
        .filter({ hasText: labels[kind as keyof typeof labels] })
        .first()
        .waitFor();
    await shot(page, 'notifications');
    await page.getByRole('button', { name: `标为已读：${first.title}` }).click();
    await expect.poll(() => bellCount(page), { timeout: 30_000 }).toBe(mine.unread - 1);
  }, 180_000);

  it('transfers a case to the 教育局, whose officer is told and sees its own receipt date', async () => {
    const yj = await organId(session.app, 'XSYJ');
    const open = await session.app.database.db
      .selectFrom('applications')
      .select(['id', 'serial_no'])
      .where('organ_id', '=', yj)
      .where('status', '=', 'inProgress')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const officer = await newPage(session.browser);
    await login(officer, session.app, 'yj.jbr');
    await officer.goto(`${session.app.baseUrl}/workbench/${open.id}`);
    await officer.getByRole('button', { name: '转办（不属于本机关负责公开）' }).click();
    const dialog = officer.getByRole('dialog', { name: '转办（不属于本机关负责公开）' });
    await dialog.waitFor();
    await chooseOption(officer, dialog, '接收机关', '相山区教育局');
    await dialog.getByLabel('转办理由').fill('所需信息为中小学招生信息，由教育局负责公开');
    await shot(officer, 'transfer-form');
    await clickForAnswer(
      officer,
      dialog.getByRole('button', { name: /确定转办/ }),
      /\/api\/applications\/\d+\/transfer$/,
    );
    await dialog.waitFor({ state: 'hidden' });
    const sent = officer.locator('.ant-card').filter({ hasText: '已转办' });
    await sent.getByText('相山区教育局（〔2026〕').waitFor();
    await officer.getByText('已办结，无需办理。').waitFor();
    await shot(officer, 'transfer-sent');

    const transfer = (
      await getJson<{ transfer: { toApplicationId: number; toSerialNo: string; toReceivedOn: string } }>(
        officer,
        session.app,
        `/api/applications/${open.id}/transfer`,
      )
    ).transfer;
    expect(transfer.toReceivedOn).toBe('2026-11-23');
    const receiver = await newPage(session.browser);
    await login(receiver, session.app, 'jy.jbr');
    await expect.poll(() => bellCount(receiver), { timeout: 30_000 }).toBeGreaterThan(0);
    await receiver.goto(`${session.app.baseUrl}/notifications`);
    const link = receiver.getByRole('link', {
      name: new RegExp(`相山区应急管理局转办申请${transfer.toSerialNo.replace(/[〔〕]/g, '.')}`),
    });
    await link.click();
    await receiver.waitForURL((url) => url.pathname === `/workbench/${transfer.toApplicationId}`);
    const card = receiver.locator('.ant-card').filter({ hasText: '转办来件' });
    await card.getByText(`相山区应急管理局（${open.serial_no}）`).waitFor();
    await card.getByText('2026年11月23日').first().waitFor();
    await shot(receiver, 'transfer-received');
  }, 180_000);

  it('lets the 政务公开办 send a 催办 to a late organ, which answers it', async () => {
    const gkb = await newPage(session.browser);
    await login(gkb, session.app, 'gkb');
    await gkb.getByRole('heading', { name: '监督：2025年度政府信息公开工作年度报告' }).waitFor();
    // The 教育局 published late: nothing to chase. The 人社局 has a draft only.
    await gkb.getByRole('button', { name: '催办相山区人力资源和社会保障局' }).waitFor();
    expect(await gkb.getByRole('button', { name: '催办相山区教育局' }).count()).toBe(0);
    await gkb.getByRole('button', { name: '催办相山区人力资源和社会保障局' }).click();
    const dialog = gkb.getByRole('dialog', { name: '催办：相山区人力资源和社会保障局' });
    await dialog.waitFor();
    await dialog.getByLabel('催办内容').fill('请于11月30日前发布2025年度报告并说明逾期原因。');
    await shot(gkb, 'urge-send');
    await clickForAnswer(gkb, dialog.getByRole('button', { name: /发送催办/ }), /^\/api\/urges$/);
    await dialog.waitFor({ state: 'hidden' });
    const record = gkb.locator('.ant-card').filter({ hasText: '催办记录' });
    await record.getByText('请于11月30日前发布2025年度报告并说明逾期原因。').waitFor();
    await record.getByText('未答复').waitFor();

    const organ = await newPage(session.browser);
    await login(organ, session.app, 'rs.jbr');
    await organ.goto(`${session.app.baseUrl}/notifications`);
    await organ.getByRole('link', { name: '相山区人民政府催办：2025年度政府信息公开工作年度报告逾期未发布' }).click();
    await organ.getByRole('tab', { name: '收到的催办', selected: true }).waitFor();
    await organ.getByRole('button', { name: /答\s*复/ }).click();
    const answer = organ.getByRole('dialog', { name: /^答复催办/ });
    await answer.getByLabel('答复内容').fill('报告已送审，将于11月27日发布。');
    await clickForAnswer(organ, answer.getByRole('button', { name: /提交答复/ }), /^\/api\/urges\/\d+\/answer$/);
    await answer.waitFor({ state: 'hidden' });
    await organ.getByText('报告已送审，将于11月27日发布。').waitFor();
    await shot(organ, 'urge-answer');

    await gkb.reload();
    await gkb
      .locator('.ant-card')
      .filter({ hasText: '催办记录' })
      .getByText('报告已送审，将于11月27日发布。')
      .waitFor();
  }, 180_000);

  it('shows workload and timeliness per officer and per organ, as the API computes them', async () => {
    const page = await newPage(session.browser);
    await login(page, session.app, 'yj.shr');
    const yj = await organId(session.app, 'XSYJ');
    const workload = await getJson<{ organ: { inHand: number; answered: number; medianWorkingDays: number | null } }>(
      page,
      session.app,
      `/api/organs/${yj}/workload`,
    );
    expect(workload.organ.answered).toBeGreaterThan(0);
    const card = page.locator('.ant-card').filter({ hasText: '工作量与办理时效' });
    const total = card.locator('.ant-table-row').filter({ hasText: '本机关合计' });
    await total.waitFor();
    const cells = await total.locator('td').allInnerTexts();
    expect(cells.slice(1, 4)).toEqual([
      String(workload.organ.inHand),
      String(workload.organ.answered),
      `${workload.organ.medianWorkingDays} 个工作日`,
    ]);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'workload-workbench');

    const gkb = await newPage(session.browser);
    await login(gkb, session.app, 'gkb');
    const sup = await getJson<{ organs: { organName: string; answered: number }[] }>(
      gkb,
      session.app,
      '/api/supervision/workload?year=2025',
    );
    expect(sup.organs.length).toBeGreaterThan(0);
    const supCard = gkb.locator('.ant-card').filter({ hasText: '各机关依申请公开工作量与办理时效' });
    const firstOrgan = sup.organs[0] as { organName: string; answered: number };
    const row = supCard.locator('.ant-table-row').filter({ hasText: firstOrgan.organName });
    await row.waitFor();
    expect((await row.locator('td').allInnerTexts())[2]).toBe(String(firstOrgan.answered));
    await supCard.scrollIntoViewIfNeeded();
    await shot(gkb, 'workload-supervision');
  }, 180_000);
});
