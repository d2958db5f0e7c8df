import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, e2eSession, login, newPage, screenshot } from './support.js';

/*
 * 分派承办人 in a real browser: the reviewer ticks two cases, assigns them to an officer and reads
 * the result of each; the list shows the 承办人; the officer finds them under “我承办的” and is
 * told under the bell.
 */
const OFFICER = '李经办（应急局）';

/** The bell's unread count, as its accessible name says it. */
async function bellCount(page: Page): Promise<number> {
  const bell = page.getByRole('button', { name: /^提醒/ });
  await bell.waitFor();
  const name = (await bell.getAttribute('aria-label')) ?? '';
  return Number(/（(\d+)条未读）/.exec(name)?.[1] ?? 0);
}

describe('assigning cases to an officer in a real browser', () => {
  const session = e2eSession();

  it('assigns two ticked cases, shows 承办人 in the list, and tells the officer', async () => {
    const reviewer = await newPage(session.browser);
    await login(reviewer, session.app, 'yj.shr');
    await reviewer.goto(`${session.app.baseUrl}/workbench`);
    const rows = reviewer.locator('.ant-table-row');
    await rows.nth(1).waitFor();
    const serials = await Promise.all([0, 1].map((i) => rows.nth(i).locator('a').first().innerText()));
    // Nothing is assigned in the demo: every row reads 未分派.
    await expect.poll(() => rows.nth(0).innerText()).toContain('未分派');
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await reviewer.getByText('已选 2 件').waitFor();

    await reviewer.getByRole('button', { name: /分\s*派$/ }).click();
    const dialog = reviewer.getByRole('dialog', { name: /分派承办人/ });
    // The officers load after the dialog opens: a pick made before they are there is tried again.
    await chooseOption(reviewer, dialog, '承办人', OFFICER);
    await dialog.getByRole('button', { name: '确定分派' }).click();
    await dialog.getByText(`已分派给${OFFICER} 2 件`).waitFor();
    const results = dialog.getByTestId('assign-results');
    for (const serial of serials) await results.getByText(serial).waitFor();
    expect(await results.getByText('已分派', { exact: true }).count()).toBe(2);
    await screenshot(reviewer, 'workbench-assign-result');
    await dialog.getByRole('button', { name: /^完\s*成$/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The list: 承办人 on the two rows, the selection cleared.
    for (const serial of serials)
      await reviewer.locator('.ant-table-row', { hasText: serial }).getByText(OFFICER).waitFor();
    expect(await reviewer.getByText('已选 2 件').count()).toBe(0);
    await screenshot(reviewer, 'workbench-assigned');

    // The officer: told under the bell, and the two under 我承办的.
    const officer = await newPage(session.browser);
    await login(officer, session.app, 'yj.jbr');
    const notes = (await (
      await officer.request.get(`${session.app.baseUrl}/api/notifications?pageSize=50`)
    ).json()) as { unread: number; items: { kind: string; title: string }[] };
    const told = notes.items.filter((n) => n.kind === 'assigned').map((n) => n.title);
    expect(told).toHaveLength(2);
    for (const serial of serials) expect(told.some((t) => t.startsWith(`申请${serial}已分派给您承办`))).toBe(true);
    await expect.poll(() => bellCount(officer), { timeout: 30_000 }).toBe(notes.unread);
    expect(notes.unread).toBeGreaterThanOrEqual(2);
    await officer.getByRole('button', { name: /^提醒/ }).click();
    await officer.waitForURL((url) => url.pathname === '/notifications');
    for (const title of told) await officer.getByRole('link', { name: title }).waitFor();
    expect(await officer.getByText('分派给我的申请').count()).toBeGreaterThanOrEqual(2);
    await screenshot(officer, 'notifications-assigned');

    await officer.goto(`${session.app.baseUrl}/workbench`);
    await officer.getByLabel('按承办人筛选').click();
    await officer.getByTitle('我承办的').click();
    // The rows of the list (the workload table below has rows of its own, one per officer).
    await expect.poll(() => officer.locator('.ant-table-row', { hasText: '依申第' }).count()).toBe(2);
    for (const serial of serials) await officer.locator('.ant-table-row', { hasText: serial }).waitFor();
  }, 180_000);
});
