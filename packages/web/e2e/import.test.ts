import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSession, login, newPage, REVIEW_SCREENSHOTS, screenshot } from './support.js';

const SEED = fileURLToPath(new URL('../../../fixtures/seeds/000_54f61b233950245c.txt', import.meta.url));
const PDF = fileURLToPath(new URL('../../../fixtures/parse/pdf/libreoffice-2021.pdf', import.meta.url));

describe('importing published reports in a real browser', () => {
  const session = e2eSession();
  let dir: string;
  let broken: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xxgk-import-'));
    broken = join(dir, '损坏的报告.txt');
    // Binary noise under a text file's name: the server refuses it by content.
    await writeFile(
      broken,
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a batch, shows a cell’s source, saves with a hand correction; an unreadable file does not stop the batch', async () => {
    const page = await newPage(session.browser);
    await login(page, session.app, 'yj.jbr');
    await page.goto(`${session.app.baseUrl}/import`);
    await page.getByRole('heading', { name: '导入报告' }).waitFor();
    await page.locator('input[type=file]').setInputFiles([SEED, broken, PDF]);
    await page.getByText('已读取 2 个文件，1 个无法读取').waitFor({ timeout: 60_000 });
    await page.getByText('文件 损坏的报告.txt 无法读取').waitFor();

    // The seed (2020, 相山区应急管理局) is open: its tables beside its text.
    const seed = page.locator('.ant-collapse-item').filter({ hasText: '000_54f61b233950245c.txt' });
    await seed.locator('td[data-cell="s2.regulations.made"]').waitFor();
    const cell = seed.locator('td[data-cell="s3.new.total"] button');
    const value = ((await cell.textContent()) ?? '').trim();
    expect(value).toMatch(/^\d+$/);
    // At 1366×768 both panes show side by side, sized to the window.
    const tablesPane = seed.locator('.import-pane');
    const sourcePane = seed.locator('.import-source-body');
    const [tablesBox, sourceBox] = [await tablesPane.boundingBox(), await sourcePane.boundingBox()];
    expect(tablesBox && sourceBox && Math.abs(tablesBox.y - sourceBox.y) < 2).toBe(true);
    expect(sourceBox?.height).toBeLessThanOrEqual(768);
    await screenshot(page, 'import-panes', REVIEW_SCREENSHOTS);
    await cell.click();
    const highlighted = seed.locator('.import-source .highlighted');
    await highlighted.waitFor();
    expect(await highlighted.textContent()).toContain(value);
    await expect(seed.locator('.import-place').textContent()).resolves.toMatch(/出处：第\d+行/);
    // The highlighted source line is inside the source pane and the pane inside the window.
    const inside = async () => {
      const [line, pane] = [await highlighted.boundingBox(), await sourcePane.boundingBox()];
      if (!line || !pane) return false;
      const inPane = line.y >= pane.y && line.y + line.height <= pane.y + pane.height;
      return inPane && pane.y >= 0 && pane.y + pane.height <= 768 && line.x + line.width <= 1366;
    };
    await expect.poll(inside).toBe(true);
    await screenshot(page, 'import-source');
    await screenshot(page, 'import-source', REVIEW_SCREENSHOTS);

    // Correct a misread cell with a reason; it is shown as corrected, then saved.
    await seed.locator('td[data-cell="s2.regulations.made"] button').click();
    await seed.getByRole('button', { name: /修\s*改/ }).click();
    const dialog = page.getByRole('dialog', { name: '人工更正单元格' });
    await dialog.getByLabel('正确的值').fill('3');
    await dialog.getByRole('button', { name: '确定更正' }).click();
    await dialog.getByText('请填写更正理由').waitFor();
    await dialog.getByLabel('更正理由').fill('原件第52行为3件，读取有误');
    await dialog.getByRole('button', { name: '确定更正' }).click();
    await seed.getByText('已人工更正为 3').waitFor();
    await expect(seed.locator('td[data-cell="s2.regulations.made"].corrected').textContent()).resolves.toBe('3');
    await seed.getByRole('tab', { name: /人工更正（1）/ }).click();
    await seed.getByText('原件第52行为3件，读取有误').waitFor();
    await screenshot(page, 'import-correction');
    // The demo imported the same file: the page says so, and asks on saving.
    await seed.getByTestId('already-imported').waitFor();
    await seed.getByRole('button', { name: /保\s*存/ }).click();
    const duplicate = page.getByRole('dialog', { name: '此文件已导入过' });
    await duplicate.getByText(/内容相同/).waitFor();
    // The save is answered before the page says so: a refusal fails here with its status and message,
    // and a loaded machine gets the server's time rather than the locator's minute.
    const saved = page.waitForResponse(
      (r) => /\/api\/organs\/\d+\/imports$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST',
      { timeout: 120_000 },
    );
    await duplicate.getByRole('button', { name: '另存一份' }).click();
    const answer = await saved;
    expect(answer.status(), await answer.text()).toBe(201);
    await seed.getByText(/已保存（导入编号 \d+，人工更正 1 处）/).waitFor();
    const sameFile = await session.app.database.db
      .selectFrom('imported_reports')
      .select('id')
      .where('organ_id', '=', 2)
      .where('file_name', '=', '000_54f61b233950245c.txt')
      .execute();
    // The demo's import (系统导入, listed below) and this one, kept both as chosen.
    expect(sameFile).toHaveLength(2);

    // The saved import sits beside the organ's 2020 report, with the correction kept.
    const state = await session.app.services.reports.get(
      { id: 0, organId: 2, organPath: '', role: 'officer', name: '' },
      2,
      2020,
    );
    expect(state.imported?.fileName).toBe('000_54f61b233950245c.txt');
    const row = await session.app.database.db
      .selectFrom('imported_reports')
      .select('report')
      .where('id', '=', state.imported?.id ?? -1)
      .executeTakeFirstOrThrow();
    const kept = row.report as { cells: Record<string, number>; corrections: { cellId: string; reason: string }[] };
    expect(kept.cells['s2.regulations.made']).toBe(3);
    expect(kept.corrections).toEqual([
      expect.objectContaining({ cellId: 's2.regulations.made', reason: '原件第52行为3件，读取有误' }),
    ]);

    // The PDF: a cell's source is its page, table, row and column.
    const pdf = page.locator('.ant-collapse-item').filter({ hasText: 'libreoffice-2021.pdf' });
    await pdf.locator('.ant-collapse-header').click();
    const pdfCell = pdf.locator('td[data-cell="s2.regulations.issued"] button');
    await pdfCell.click();
    const pdfValue = ((await pdfCell.textContent()) ?? '').trim();
    await expect(pdf.locator('.import-source .highlighted').textContent()).resolves.toBe(pdfValue);
    await expect(pdf.locator('.import-place').textContent()).resolves.toMatch(/出处：第\d+页 表\d+ 第\d+行第\d+列/);

    // The saved import heads the list of saved imports (above the demo's own import of the same
    // file), with its correction counted; opened, it shows the corrected value and the reason.
    await page.getByRole('tab', { name: '已保存的导入报告' }).click();
    const rows = page.locator('.import-saved tbody tr.ant-table-row');
    const newest = rows.first();
    await expect(newest.textContent()).resolves.toContain('000_54f61b233950245c.txt');
    await expect(newest.textContent()).resolves.toContain('1 处');
    await expect(newest.textContent()).resolves.toContain('李经办（应急局）');
    await expect(rows.filter({ hasText: '系统导入' }).first().textContent()).resolves.toContain(
      '000_54f61b233950245c.txt',
    );
    await newest.getByRole('button', { name: '000_54f61b233950245c.txt' }).click();
    const drawer = page.locator('.ant-drawer-body');
    const keptCell = drawer.locator('td[data-cell="s2.regulations.made"].corrected');
    await keptCell.waitFor();
    await expect(keptCell.textContent()).resolves.toBe('3');
    await keptCell.locator('button').click();
    await drawer.getByText('人工更正：读出 0，理由：原件第52行为3件，读取有误').waitFor();
    await drawer.getByRole('tab', { name: '人工更正（1）' }).click();
    const correction = drawer.locator('.ant-table-row').filter({ hasText: '规章·本年新制作数量' });
    await expect(correction.textContent()).resolves.toContain('0 → 3');
    await expect(correction.textContent()).resolves.toContain('李经办（应急局）');
    await drawer.getByRole('tab', { name: '表格' }).click();
    // The save's toast gone and the tab's underline settled, for a steady picture.
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await page.waitForTimeout(400);
    await screenshot(page, 'import-saved');
  });
});
