import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flat, printedText } from './pdf.js';
import { e2eSession, login, newPage, screenshot } from './support.js';

/*
 * The supervision table and the audit log on A4, from their 打印 buttons with the filters the
 * page shows: Chromium prints the print page to PDF and pdftotext reads the rows back.
 */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xxgk-print-lists-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the supervision table and the audit log printed in a real browser', () => {
  const session = e2eSession();

  it('prints the supervision table as filtered', async () => {
    const page = await newPage(session.browser);
    await login(page, session.app, 'gkb');
    await page.goto(`${session.app.baseUrl}/supervision?year=2025`);
    // The table of organs (the workload table further down has rows of its own).
    const organRows = page
      .locator('.ant-card')
      .filter({ has: page.getByText('各机关年度报告情况', { exact: true }) })
      .locator('.ant-table-row');
    await organRows.first().waitFor();
    const all = (await (
      await page.request.get(`${session.app.baseUrl}/api/supervision/2025/organs?pageSize=200`)
    ).json()) as { total: number; items: { organName: string }[] };
    expect(all.total).toBeGreaterThan(2);
    // Searched for one organ: the print holds it and none of the others.
    const chosen = all.items.find((o) => o.organName.includes('应急'))?.organName ?? '';
    expect(chosen).not.toBe('');
    await page.getByLabel('查找机关').fill('应急');
    await page.getByLabel('查找机关').press('Enter');
    await expect.poll(() => organRows.count()).toBe(1);
    await page.getByRole('button', { name: /打\s*印$/ }).click();
    await page.waitForURL(/\/print\/supervision\?year=2025&q=/);
    const sheet = page.getByRole('region', { name: '2025年度政府信息公开工作年度报告情况' });
    await sheet.getByText('共 1 条').waitFor();
    await screenshot(page, 'print-supervision');
    const printed = flat(await printedText(page, dir, 'supervision'));
    expect(printed).toContain('2025年度政府信息公开工作年度报告情况');
    expect(printed).toContain(flat(chosen));
    expect(printed).toContain('检索：应急');
    for (const other of all.items.filter((o) => o.organName !== chosen))
      expect(printed).not.toContain(flat(other.organName));

    // Unfiltered: every organ, one row each.
    await page.goto(`${session.app.baseUrl}/print/supervision?year=2025`);
    await page.getByText(`共 ${all.total} 条`).waitFor();
    const whole = flat(await printedText(page, dir, 'supervision-all'));
    for (const organ of all.items) expect(whole).toContain(flat(organ.organName));
  });

  it('prints the audit log as filtered by object', async () => {
    const page = await newPage(session.browser);
    await login(page, session.app, 'admin');
    await page.goto(`${session.app.baseUrl}/admin`);
    await page.getByLabel('按对象筛选').click();
    await page.getByTitle('政府信息公开申请').click();
    const { n } = await session.app.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('entity', '=', 'application')
      .executeTakeFirstOrThrow();
    const expected = Math.min(Number(n), 1000);
    expect(expected).toBeGreaterThan(0);
    await page.getByRole('button', { name: /打\s*印$/ }).click();
    await page.waitForURL(/\/print\/audit\?entity=application/);
    const sheet = page.getByRole('region', { name: '审计日志' });
    await sheet.getByText(`共 ${expected} 条`).waitFor();
    await screenshot(page, 'print-audit');
    const printed = flat(await printedText(page, dir, 'audit'));
    expect(printed).toContain('审计日志');
    expect(printed).toContain('对象：政府信息公开申请');
    // The rows in Chinese: the demo's intakes, never the codes.
    expect(printed).toContain('登记收到申请');
    expect(printed).not.toContain('登录会话');
    expect(printed).not.toMatch(/intake|application/);
    // As many rows as the log holds for the filter (序号 numbers them from 1).
    expect(await sheet.locator('tbody tr').count()).toBe(expected);
  });

  it('prints a case’s 操作记录 from the case page', async () => {
    const page = await newPage(session.browser);
    await login(page, session.app, 'yj.jbr');
    await page.locator('.ant-table-row').first().locator('a').first().click();
    await page.waitForURL(/\/workbench\/(\d+)/);
    const id = /\/workbench\/(\d+)/.exec(page.url())?.[1] ?? '';
    const entries = (await (
      await page.request.get(`${session.app.baseUrl}/api/audit?entity=application&entityId=${id}&pageSize=200`)
    ).json()) as { action: string }[];
    expect(entries.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: /打印操作记录/ }).click();
    await page.waitForURL(new RegExp(`/print/audit\\?entity=application&entityId=${id}$`));
    const sheet = page.getByRole('region', { name: '操作记录' });
    await sheet.getByText(`共 ${entries.length} 条`).waitFor();
    const printed = flat(await printedText(page, dir, 'case-audit'));
    expect(printed).toContain(`对象：政府信息公开申请第${id}号`);
    expect(printed).toContain('登记收到申请');
    expect(await sheet.locator('tbody tr').count()).toBe(entries.length);
  });
});
