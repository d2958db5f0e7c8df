import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateReport, renderText, seededRandom } from '@xxgk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSession, login, newPage, REVIEW_SCREENSHOTS, screenshot } from './support.js';

describe('the corpus import page in a real browser', () => {
  const session = e2eSession();
  let dir: string;
  const files: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xxgk-corpus-import-'));
    for (const [i, agency] of ['杭州市上城区应急管理局', '上城区应急管理局', '海盐县民政局'].entries()) {
      const report = generateReport(seededRandom(40 + i), { format: '2021', year: 2021 + i, agency });
      files.push(join(dir, `${agency}-${2021 + i}.txt`));
      await writeFile(files.at(-1) as string, renderText(report, 'lines'));
    }
    files.push(join(dir, '损坏的报告.pdf'));
    await writeFile(files.at(-1) as string, '%PDF-1.7 残缺的文件');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('uploads reports, follows the import to its summary and lists the failed file with its reason', async () => {
    const page = await newPage(session.browser);
    await login(page, session.app, 'gkb');
    await page.getByRole('menuitem', { name: '语料导入' }).click();
    await page.getByRole('heading', { name: '语料导入' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(files);
    await page.getByText('已选 4 个文件').waitFor();
    await page.getByRole('button', { name: /开始导入/ }).click();
    await page.getByText('导入完成：读取 3 个、失败 1 个、待复核 0 个、已存在 0 个').waitFor({ timeout: 60_000 });
    const failed = page.locator('.ant-table-row').filter({ hasText: '损坏的报告.pdf' });
    await failed.waitFor();
    expect(await failed.textContent()).toContain('失败');
    expect(new URL(page.url()).searchParams.get('batch')).toMatch(/^\d+$/);
    await failed.scrollIntoViewIfNeeded();
    await screenshot(page, 'corpus-import', REVIEW_SCREENSHOTS);
    await page.getByText('已读取的文件').click();
    const read = page.locator('.ant-table-row').filter({ hasText: '海盐县民政局' });
    await read.waitFor();
    await read.scrollIntoViewIfNeeded();
    await screenshot(page, 'corpus-import-read', REVIEW_SCREENSHOTS);
  });
});
