import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { refreshCorpusSummaries } from '../../server/src/features/corpus-analysis/service.js';
import { cleanCorpus, must, seedCorpus, type SeededReport } from '../../server/test/support/corpus-seed.js';
import { e2eSession, login, newPage, screenshot } from './support.js';

/*
 * The published corpus in a real browser: the public page without login (figures, a chart's
 * reports, a report with its cells' sources and file, downloads) and the 政务公开办's dashboard.
 * The corpus is core-generated reports seeded straight into the tables, with one planted jump.
 */
describe('the corpus pages in a real browser', () => {
  const session = e2eSession();
  let seeded: SeededReport[] = [];

  async function seed() {
    if (seeded.length) return;
    // 上城区应急管理局 has no 2023 report: the 汇总 names it missing.
    const seeds = cleanCorpus(15).filter((s) => !(s.organ === '杭州市上城区应急管理局' && s.year === 2023));
    const jump = must(seeds.find((s) => s.organ === '杭州市拱墅区教育局' && s.year === 2023));
    jump.cells = {
      ...jump.cells,
      's3.new.natural': (jump.cells['s3.new.natural'] ?? 0) + 5000,
      's3.new.total': (jump.cells['s3.new.total'] ?? 0) + 5000,
      's3.granted.natural': (jump.cells['s3.granted.natural'] ?? 0) + 5000,
      's3.granted.total': (jump.cells['s3.granted.total'] ?? 0) + 5000,
      's3.total.natural': (jump.cells['s3.total.natural'] ?? 0) + 5000,
      's3.total.total': (jump.cells['s3.total.total'] ?? 0) + 5000,
    };
    // An impossible value: a granted count its row's total leaves out (the rules chart shows it).
    const broken = must(seeds.find((s) => s.organ === '杭州市民政局' && s.year === 2022));
    broken.cells = { ...broken.cells, 's3.granted.natural': (broken.cells['s3.granted.natural'] ?? 0) + 7 };
    seeded = await seedCorpus(session.app.database.db, seeds);
    await refreshCorpusSummaries(session.app.database.db);
  }

  const applications = (year: number) =>
    seeded.filter((s) => s.year === year).reduce((sum, s) => sum + (s.cells['s3.new.total'] ?? 0), 0);

  /** Clicks the tallest bar of a chart (ECharts draws each bar as an SVG path no wider than 28 px). */
  async function clickTallestBar(page: Page, title: string) {
    const paths = page.locator(`[role="img"][aria-label="${title}"] svg path`);
    let best: { x: number; y: number; width: number; height: number } | null = null;
    for (let i = 0; i < (await paths.count()); i += 1) {
      const box = await paths.nth(i).boundingBox();
      if (box && box.width > 4 && box.width <= 30 && (!best || box.height > best.height)) best = box;
    }
    const bar = must(best, '柱形');
    await page.mouse.click(bar.x + bar.width / 2, bar.y + bar.height / 2);
  }

  async function chartDrawn(page: Page, title: string) {
    await page.locator(`[role="img"][aria-label="${title}"] svg`).first().waitFor();
  }

  it('lets anyone, without logging in, read the figures, open a figure’s reports and a report’s sources', async () => {
    await seed();
    const page = await newPage(session.browser);
    await page.goto(`${session.app.baseUrl}/corpus`);
    await page.getByRole('heading', { name: '政府信息公开工作年度报告数据' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/corpus');
    const total = [2021, 2022, 2023].reduce((sum, y) => sum + applications(y), 0);
    await page
      .locator('.ant-statistic')
      .filter({ hasText: '本年新收申请' })
      .getByText(total.toLocaleString('en-US'))
      .waitFor();
    for (const title of [
      '历年新收政府信息公开申请',
      '办理结果占比',
      '不予公开、无法提供、不予处理的理由',
      '规则违反情况',
    ]) {
      await chartDrawn(page, title);
    }
    // The planted jump is in the outlier list.
    await page.getByRole('table').filter({ hasText: '相差十倍以上' }).getByText('杭州市拱墅区教育局').waitFor();
    await screenshot(page, 'corpus-public');

    // Clicking the 2023 bar lists that year's reports, the jump first.
    await clickTallestBar(page, '历年新收政府信息公开申请');
    const drawer = page.locator('.ant-drawer').filter({ hasText: '2023年新收申请：相关报告' });
    await drawer.waitFor();
    const first = drawer.locator('.ant-table-row').first();
    await expect(first.innerText()).resolves.toContain('杭州市拱墅区教育局');
    const expectedRows = seeded.filter((s) => s.year === 2023 && (s.cells['s3.new.total'] ?? 0) > 0).length;
    await drawer.getByText(`共 ${expectedRows} 份`).waitFor();
    await screenshot(page, 'corpus-drill-down');

    await first.getByRole('link', { name: '杭州市拱墅区教育局' }).click();
    await page.getByRole('heading', { name: '杭州市拱墅区教育局2023年政府信息公开工作年度报告' }).waitFor();
    const report = must(seeded.find((s) => s.organ === '杭州市拱墅区教育局' && s.year === 2023));
    await page.locator('td[data-cell="s3.new.total"] button').click();
    await page.getByText(`本年新收 ${report.cells['s3.new.total']}`).waitFor();
    await page.getByText('位置：第 12 行').waitFor();
    await screenshot(page, 'corpus-report');
    const file = page.waitForEvent('download');
    await page.getByRole('button', { name: /下载原文件/ }).click();
    expect((await file).suggestedFilename()).toBe('杭州市拱墅区教育局2023.txt');
  });

  it('downloads the filtered figures as CSV, Excel and Parquet', async () => {
    await seed();
    const page = await newPage(session.browser);
    await page.goto(`${session.app.baseUrl}/corpus`);
    await page.getByRole('button', { name: /下载 CSV/ }).waitFor();
    for (const [label, ext] of [
      ['下载 CSV', 'csv'],
      ['下载 Excel', 'xlsx'],
      ['下载 Parquet', 'parquet'],
    ] as const) {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: new RegExp(label) }).click();
      expect((await download).suggestedFilename()).toBe(`政府信息公开年度报告数据.${ext}`);
    }
  });

  it('gives the 政务公开办 the same figures in the app, with a region’s 汇总 and its missing organs', async () => {
    await seed();
    const page = await newPage(session.browser);
    await login(page, session.app, 'gkb');
    await page.getByRole('menuitem', { name: /年报数据分析/ }).click();
    await page.getByRole('heading', { name: '年度报告数据分析' }).waitFor();
    await page.getByLabel('年度').click();
    await page.getByTitle('2023年度').click();
    await page.getByLabel('行政区划').click();
    for (const place of ['浙江省', '杭州市', '上城区']) {
      await page.locator('.ant-cascader-menu-item', { hasText: place }).click();
    }
    await page.keyboard.press('Escape');
    await page
      .locator('.ant-statistic')
      .filter({ hasText: '本年新收申请' })
      .getByText(
        seeded
          .filter((s) => s.year === 2023 && s.region === '330102')
          .reduce((sum, s) => sum + (s.cells['s3.new.total'] ?? 0), 0)
          .toLocaleString('en-US'),
      )
      .waitFor();
    const card = page.locator('.ant-card').filter({ hasText: '地区汇总' });
    await card.getByText('上城区2023年度：2 份报告').waitFor();
    await card.getByText('杭州市上城区应急管理局').waitFor();
    await chartDrawn(page, '办理结果占比');
    await screenshot(page, 'corpus-dashboard');
    await card.getByRole('button', { name: '查看汇总表' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '上城区各机关汇总' });
    await modal.locator('td[data-cell="s3.new.total"]').waitFor();
    // The dialog's opening animation ends before the screenshot.
    await page.evaluate(() => Promise.allSettled(document.getAnimations().map((a) => a.finished)));
    await screenshot(page, 'corpus-region-summary');
  });
});
