import { describe, expect, it } from 'vitest';
import { e2eSession, login, newPage, screenshot } from './support.js';

const ORGAN = 2; // 相山区应急管理局

const HEADER = '类别,文号,标题,制发日期,废止日期';
const GOOD_1 = '行政规范性文件,相应急〔2026〕21号,相山区应急避难场所管理办法,2026-03-02,';
const BAD_2 = '行政规范性文件,相应急〔2026〕22号,相山区危险化学品安全风险排查办法,2026-13-01,';
const GOOD_2 = '行政规范性文件,相应急〔2026〕22号,相山区危险化学品安全风险排查办法,2026-10-08,';

function csv(lines: readonly string[]) {
  return { name: '文件登记.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8') };
}

describe('registers in a real browser', () => {
  const session = e2eSession();

  const documentCount = async () =>
    (await session.app.database.db.selectFrom('documents').select('id').where('organ_id', '=', ORGAN).execute()).length;

  it('previews a CSV import with its errors before saving, imports the fixed file, and saves a figure', async () => {
    const page = await newPage(session.browser);
    page.on('pageerror', (e) => console.error('页面错误', e.message));
    await login(page, session.app, 'yj.jbr');
    await page.goto(`${session.app.baseUrl}/registers`);
    await page.getByRole('tab', { name: '文件登记（规章、行政规范性文件）' }).waitFor();
    await page.getByText(/共 \d+ 件/).waitFor();
    const before = await documentCount();

    // A file with a bad date on line 3: the preview names line and column, and nothing is saved.
    await page.getByRole('button', { name: '从 CSV 导入' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('选择 CSV 文件').setInputFiles(csv([HEADER, GOOD_1, BAD_2]));
    await dialog.getByText('有 1 处错误').waitFor();
    const errorRow = dialog.getByTestId('import-errors').locator('tbody tr').first();
    expect(await errorRow.locator('td').nth(0).innerText()).toBe('3');
    expect(await errorRow.locator('td').nth(1).innerText()).toBe('制发日期');
    expect(await errorRow.locator('td').nth(2).innerText()).toContain('第3行“制发日期”');
    expect(await dialog.getByRole('button', { name: /导\s*入/ }).isDisabled()).toBe(true);
    await dialog.getByRole('cell', { name: '相山区应急避难场所管理办法' }).waitFor();
    // The dialog's opening animation ends before the screenshot.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await screenshot(page, 'registers-import-preview');
    expect(await documentCount()).toBe(before);

    // The fixed file previews clean; 导入 saves both rows and they show in the table.
    await dialog.getByLabel('选择 CSV 文件').setInputFiles(csv([HEADER, GOOD_1, GOOD_2]));
    await dialog.getByText('共 2 行，没有错误，可以导入').waitFor();
    expect(await documentCount()).toBe(before);
    const importButton = dialog.getByRole('button', { name: /导\s*入/ });
    expect(await importButton.isEnabled()).toBe(true);
    await importButton.click();
    await page.getByText('已导入 2 行').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const table = page.locator('.ant-table').first();
    await table.getByRole('cell', { name: '相山区应急避难场所管理办法' }).waitFor();
    await table.getByRole('cell', { name: '相山区危险化学品安全风险排查办法' }).waitFor();
    expect(await documentCount()).toBe(before + 2);
    const saved = await session.app.database.db
      .selectFrom('documents')
      .select(['number', 'issued_on'])
      .where('title', '=', '相山区危险化学品安全风险排查办法')
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ number: '相应急〔2026〕22号', issued_on: '2026-10-08' });
    await screenshot(page, 'registers-documents');

    // Searched on the server by title or 文号: only the document asked for is left in the table.
    const rows = table.locator('tbody tr.ant-table-row');
    const search = page.getByLabel('查找文件');
    await search.fill('相山区危险化学品安全风险排查办法');
    await search.press('Enter');
    await table.getByRole('cell', { name: '相山区应急避难场所管理办法' }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('相应急〔2026〕22号');
    await page.getByText('共 1 件').waitFor();
    await search.fill('相应急〔2026〕21号');
    await search.press('Enter');
    await table.getByRole('cell', { name: '相山区应急避难场所管理办法' }).waitFor();
    expect(await rows.count()).toBe(1);

    // 已废止 shows exactly the documents with a repeal registered.
    await search.fill('');
    await search.press('Enter');
    await page.getByText(`共 ${before + 2} 件`).waitFor();
    const repealed = await session.app.database.db
      .selectFrom('documents')
      .select('title')
      .where('organ_id', '=', ORGAN)
      .where('repealed_on', 'is not', null)
      .execute();
    expect(repealed.length).toBeGreaterThan(0);
    await page.getByLabel('按状态筛选').getByText('已废止').click();
    await page.getByText(`共 ${repealed.length} 件`).waitFor();
    await table.getByRole('cell', { name: '相山区危险化学品安全风险排查办法' }).waitFor({ state: 'detached' });
    for (const { title } of repealed) await table.getByRole('cell', { name: title, exact: true }).waitFor();
    expect(await rows.count()).toBe(repealed.length);
    expect(await table.getByText('现行有效').count()).toBe(0);
    await page.getByLabel('按状态筛选').getByText('全部').click();
    await page.getByText(`共 ${before + 2} 件`).waitFor();

    // A figure of the year, saved with its version.
    await page.getByRole('tab', { name: '年度填报数' }).click();
    const penalties = page.getByLabel('行政处罚·处理决定数量');
    await penalties.waitFor();
    await penalties.fill('35');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('2026年度填报数已保存').waitFor();
    const figures = await session.app.database.db
      .selectFrom('year_figures')
      .select(['figures', 'version'])
      .where('organ_id', '=', ORGAN)
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();
    expect((figures.figures as Record<string, number>)['s2.penalty.decisions']).toBe(35);
    expect(figures.version).toBe(2);
    await page.getByText('版本 2').waitFor();
  });
});
