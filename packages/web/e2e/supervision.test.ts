import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, login, newPage, REVIEW_SCREENSHOTS, screenshot } from './support.js';

/** The status tags of an organ's row in the dashboard's table. */
async function statusOf(page: Page, organName: string): Promise<string> {
  const row = page
    .locator('.ant-table-row')
    .filter({ has: page.getByRole('button', { name: organName, exact: true }) });
  return (await row.locator('td').nth(1).innerText()).replace(/\s+/g, ' ').trim();
}

describe('the 政务公开办’s supervision dashboard in a real browser', () => {
  const session = e2eSession();

  it('shows 2025 with the late organs flagged, the charts, and an organ’s report; 2026 turns 逾期 after 31 January', async () => {
    const page = await newPage(session.browser);
    await login(page, session.app, 'gkb');
    expect(new URL(page.url()).pathname).toBe('/supervision');
    await page.getByRole('heading', { name: '监督：2025年度政府信息公开工作年度报告' }).waitFor();
    // The organs' table (the workload and 催办 cards below have tables of their own).
    const table = page.locator('.ant-card').filter({ hasText: '各机关年度报告情况' }).locator('.ant-table');
    await table.getByRole('button', { name: '相山区应急管理局', exact: true }).waitFor();
    expect(await statusOf(page, '相山区应急管理局')).toBe('已发布');
    expect(await statusOf(page, '相山区教育局')).toMatch(/^逾期/);
    expect(await statusOf(page, '相山区人力资源和社会保障局')).toBe('逾期 草稿');
    expect(await statusOf(page, '相山区市场监督管理局')).toBe('逾期 未开始');
    const alert = page.getByRole('alert').filter({ hasText: '逾期' });
    await expect(alert.textContent()).resolves.toContain('相山区教育局');
    expect(await page.locator('.supervision-late').count()).toBeGreaterThanOrEqual(3);

    // The service's own figures, not hard-coded: the table shows what the API holds.
    const gkb = await session.app.database.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'gkb')
      .executeTakeFirstOrThrow();
    const organ = await session.app.database.db
      .selectFrom('organs')
      .selectAll()
      .where('id', '=', gkb.organ_id)
      .executeTakeFirstOrThrow();
    const actor = {
      id: gkb.id,
      organId: gkb.organ_id,
      organPath: organ.path,
      role: 'supervisor' as const,
      name: gkb.display_name,
    };
    const served = await session.app.services.supervision.organs(actor, 2025, { page: 1, pageSize: 200 });
    const yj = served.items.find((o) => o.organName === '相山区应急管理局');
    expect(yj?.applications.received).toBeGreaterThan(0);
    const yjRow = page
      .locator('.ant-table-row')
      .filter({ has: page.getByRole('button', { name: '相山区应急管理局', exact: true }) });
    await expect(yjRow.locator('td').nth(4).innerText()).resolves.toBe(String(yj?.applications.received));

    // Both charts are drawn (SVG inside each container).
    for (const chart of ['outcomes', 'applicantKinds']) {
      await page.locator(`[data-chart="${chart}"] .year-chart svg`).first().waitFor();
    }
    await expect(page.locator('[data-chart="outcomes"] svg text').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['予以公开', '2025年']),
    );
    await page.locator('[data-chart="outcomes"]').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'supervision-dashboard');
    await page.locator('[data-chart="outcomes"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'supervision-charts');

    // Drill down: the 应急管理局's published 2025 report, read-only, with its findings.
    await page.getByRole('button', { name: '查看相山区应急管理局的报告' }).click();
    const drawer = page.getByRole('dialog', { name: '相山区应急管理局 2025年度报告' });
    await drawer.locator('.supervision-report td[data-cell="s3.new.total"]').waitFor();
    await drawer.getByText('检查发现的问题').waitFor();
    expect(await drawer.getByRole('textbox').count()).toBe(0);
    await screenshot(page, 'supervision-report');
    await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();

    // Filtered to 逾期 on the server: every late organ the summary counts, and no other; then one by name.
    const summary = await session.app.services.supervision.year(actor, 2025);
    const rows = table.locator('tbody tr.ant-table-row');
    await page.getByLabel('按状态筛选').getByText('逾期').click();
    await page.getByText(`共 ${summary.totals.late} 个机关`).waitFor();
    await table.getByRole('button', { name: '相山区应急管理局', exact: true }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(summary.totals.late);
    expect(await page.locator('.supervision-late').count()).toBe(summary.totals.late);
    for (const { organName } of summary.late) expect(await statusOf(page, organName)).toMatch(/^逾期/);
    const search = page.getByLabel('查找机关');
    await search.fill('人力资源');
    await search.press('Enter');
    await page.getByText('共 1 个机关').waitFor();
    expect(await rows.count()).toBe(1);
    expect(await statusOf(page, '相山区人力资源和社会保障局')).toBe('逾期 草稿');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'supervision-late-filter');

    // 2026 on 2026-11-23: not yet late; on 2027-02-02 those that have not published are 逾期.
    await page.getByText('2026年', { exact: true }).click();
    await page.getByRole('heading', { name: '监督：2026年度政府信息公开工作年度报告' }).waitFor();
    await table.getByRole('button', { name: '相山区应急管理局', exact: true }).waitFor();
    expect(await statusOf(page, '相山区应急管理局')).toBe('草稿');
    expect(await page.locator('.supervision-late').count()).toBe(0);
    session.app.setToday('2027-02-02');
    await page.reload();
    await page.getByText('今天：2027-02-02').waitFor();
    expect(await statusOf(page, '相山区应急管理局')).toBe('逾期 草稿');
    await expect(page.getByRole('alert').filter({ hasText: '逾期' }).textContent()).resolves.toContain(
      '相山区应急管理局',
    );
    session.app.setToday('2026-11-23');
  });

  it('draws only the years that have figures, and says 暂无数据 when no year has any', async () => {
    const page = await newPage(session.browser);
    await login(page, session.app, 'gkb');
    const db = session.app.database.db;
    const gkb = await db.selectFrom('users').selectAll().where('username', '=', 'gkb').executeTakeFirstOrThrow();
    const organ = await db.selectFrom('organs').selectAll().where('id', '=', gkb.organ_id).executeTakeFirstOrThrow();
    const actor = { id: gkb.id, organId: gkb.organ_id, organPath: organ.path, role: 'supervisor' as const, name: '' };
    const legend = async (chart: string) =>
      (await page.locator(`[data-chart="${chart}"] svg text`).allTextContents()).filter((t) => /^\d{4}年$/.test(t));

    // 2025 looks back to 2023, before the demo's records: those years are left out, not drawn as zeros.
    const stats = await session.app.services.statistics.year(actor, 2025);
    const withOutcomes = stats.total.filter((y) => y.concluded > 0).map((y) => `${y.year}年`);
    const withKinds = stats.total.filter((y) => y.received > 0).map((y) => `${y.year}年`);
    expect(withKinds.length).toBeGreaterThan(0);
    expect(withKinds.length).toBeLessThan(stats.years.length);
    await page.goto(`${session.app.baseUrl}/supervision?year=2025`);
    await page.locator('[data-chart="applicantKinds"] .year-chart svg').first().waitFor();
    await expect(legend('applicantKinds')).resolves.toEqual(withKinds);
    if (withOutcomes.length > 0) await expect(legend('outcomes')).resolves.toEqual(withOutcomes);
    await page.locator('[data-chart="outcomes"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'supervision-charts-years-with-data', REVIEW_SCREENSHOTS);

    // 2021: nothing in any year.
    await page.goto(`${session.app.baseUrl}/supervision?year=2021`);
    await page.locator('[data-chart="outcomes"]').getByText('暂无数据').waitFor();
    await page.locator('[data-chart="applicantKinds"]').getByText('暂无数据：这几年没有收到申请。').waitFor();
    expect(await page.locator('.year-chart').count()).toBe(0);
  });
});
