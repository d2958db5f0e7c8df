import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flat, printedText as printed } from './pdf.js';
import { clickForAnswer, e2eSession, login, newPage, screenshot } from './support.js';

/*
 * The officer's paper: the answer's own words in the letter, the forms and the ledger on A4 as
 * PDF (Chromium prints the print page, pdftotext reads it back), the lists as Excel (LibreOffice
 * opens the XLSX), and the checkboxes that choose what to print or export.
 */
const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xxgk-print-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** LibreOffice's CSV of the sheet: the caption line, the header, the rows; each cell unquoted. */
const csvLines = (csv: string): string[][] =>
  csv
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));

async function convert(file: string, to: string): Promise<string> {
  const base = file.replace(/\.[^.]+$/, '');
  await run(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', to, '--outdir', dir, file],
    { timeout: 180_000 },
  );
  return readFile(`${base}.${to.split(':')[0]}`, 'utf8');
}

async function saved(download: Download, name: string): Promise<string> {
  const file = join(dir, name);
  await download.saveAs(file);
  return file;
}

const printedText = (page: Page, name: string) => printed(page, dir, name);

interface ListJson {
  total: number;
  items: { id: number; serialNo: string; applicantName: string; receivedOn: string }[];
}

const BODY = '现向您提供《2026年度安全生产执法检查计划》电子文本一份，以电子邮件方式发送。';

describe('letters, print pages, Excel and batch selection in a real browser', () => {
  const session = e2eSession();

  it('puts the officer’s words in the 答复书 and the reviewer’s opinion on the 审批表, printed on A4', async () => {
    const officer = await newPage(session.browser);
    await login(officer, session.app, 'yj.jbr');
    const list = (await (
      await officer.request.get(`${session.app.baseUrl}/api/organs/2/applications?status=inProgress&pageSize=50`)
    ).json()) as ListJson;
    let id = 0;
    for (const item of list.items) {
      const detail = (await (
        await officer.request.get(`${session.app.baseUrl}/api/applications/${item.id}`)
      ).json()) as {
        allowedActions: string[];
      };
      if (detail.allowedActions.includes('draftAnswer')) {
        id = item.id;
        break;
      }
    }
    expect(id).toBeGreaterThan(0);
    await officer.goto(`${session.app.baseUrl}/workbench/${id}`);
    await officer.getByRole('button', { name: '拟写答复', exact: true }).click();
    const dialog = officer.getByRole('dialog', { name: '拟写答复' });
    await dialog.getByLabel('办理结果').click();
    await dialog.getByLabel('办理结果').fill('予以公开');
    await dialog.getByLabel('办理结果').press('Enter');
    // The template's paragraph for the outcome, citing its article, shows above the officer's text.
    await dialog
      .getByRole('note', { name: '答复书模板' })
      .getByText(/第三十六条第（二）项/)
      .waitFor();
    await dialog.getByLabel(/答复正文/).fill(`${BODY}\n附件：检查计划（共5页）`);
    await screenshot(officer, 'answer-draft');
    await clickForAnswer(
      officer,
      dialog.getByRole('button', { name: /^确\s*定$/ }),
      /\/api\/applications\/\d+\/actions$/,
    );
    await dialog.waitFor({ state: 'hidden' });
    await officer.getByText(`答复正文：${BODY}`, { exact: false }).first().waitFor();

    const reviewer = await newPage(session.browser);
    await login(reviewer, session.app, 'yj.shr');
    await reviewer.goto(`${session.app.baseUrl}/workbench/${id}`);
    await reviewer.getByRole('button', { name: '审核通过并答复', exact: true }).click();
    const approve = reviewer.getByRole('dialog', { name: '审核通过并答复' });
    await approve.getByLabel('审批意见').fill('同意按此答复，附件随答复书发送。');
    await clickForAnswer(
      reviewer,
      approve.getByRole('button', { name: /^确\s*定$/ }),
      /\/api\/applications\/\d+\/actions$/,
    );
    await approve.waitFor({ state: 'hidden' });
    await reviewer.getByText('审批意见：同意按此答复，附件随答复书发送。').waitFor();

    // The DOCX, opened by LibreOffice: the template's article, then the officer's paragraphs.
    const [letter] = await Promise.all([
      reviewer.waitForEvent('download'),
      reviewer.getByRole('button', { name: '政府信息公开申请答复书' }).click(),
    ]);
    const text = flat(await convert(await saved(letter, 'answer.docx'), 'txt:Text (encoded):UTF8'));
    expect(text).toContain('第三十六条第（二）项');
    expect(text).toContain(flat(BODY));
    expect(text.indexOf('第三十六条第（二）项')).toBeLessThan(text.indexOf('附件：检查计划（共5页）'));

    // 打印 on the case page: the 登记表, the 审批表 and the 答复书, each an A4 sheet, no app chrome.
    await reviewer.getByRole('button', { name: /打印（登记表/ }).click();
    await reviewer.waitForURL(/\/print\/cases\?ids=/);
    await reviewer.getByRole('region', { name: '答复书' }).getByText(BODY.slice(0, 12)).waitFor();
    expect(await reviewer.getByRole('navigation').count()).toBe(0);
    await screenshot(reviewer, 'print-case');
    await reviewer.getByRole('region', { name: '审批表' }).evaluate((sheet) => sheet.scrollIntoView());
    await screenshot(reviewer, 'print-approval');
    const printed = flat(await printedText(reviewer, 'case'));
    for (const phrase of [
      '政府信息公开申请登记表',
      '政府信息公开申请办理审批表',
      '同意按此答复，附件随答复书发送。',
      '政府信息公开申请答复书',
      BODY,
    ])
      expect(printed).toContain(flat(phrase));
    expect(printed).not.toContain('打印');
  }, 300_000);

  it('exports and prints the ledger as filtered, and the cases ticked in the list', async () => {
    const officer = await newPage(session.browser);
    await login(officer, session.app, 'yj.jbr');
    await officer.locator('.ant-table-row').first().waitFor();
    const shown = (await (
      await officer.request.get(`${session.app.baseUrl}/api/organs/2/applications?open=true&pageSize=200`)
    ).json()) as ListJson;
    expect(shown.total).toBeGreaterThan(2);

    // 导出 Excel with the list's filter (在办): the rows are the API's, dates as dates.
    const [whole] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(whole.suggestedFilename()).toBe('政府信息公开申请办理台账.xlsx');
    const csv = csvLines(
      await convert(await saved(whole, 'ledger.xlsx'), 'csv:Text - txt - csv (StarCalc):44,34,76,1'),
    );
    expect(csv[1]?.slice(0, 2)).toEqual(['申请编号', '申请人']);
    expect(csv.slice(2).map((line) => line[0])).toEqual(shown.items.map((i) => i.serialNo));

    // Two cases ticked: 导出所选 holds those two; 打印所选台账 prints those two.
    const rows = officer.locator('.ant-table-row');
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await officer.getByText('已选 2 件').waitFor();
    await rows.nth(1).locator('.ant-checkbox-checked').waitFor();
    expect(officer.url()).not.toMatch(/\/workbench\/\d+/);
    await screenshot(officer, 'workbench-selection');
    const chosen = shown.items.slice(0, 2).map((i) => i.serialNo);
    const [part] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByRole('button', { name: '导出所选（Excel）' }).click(),
    ]);
    const partCsv = csvLines(
      await convert(await saved(part, 'chosen.xlsx'), 'csv:Text - txt - csv (StarCalc):44,34,76,1'),
    );
    expect(partCsv.slice(2).map((line) => line[0])).toEqual(chosen);

    await officer.getByRole('button', { name: '打印所选台账' }).click();
    await officer.waitForURL(/\/print\/applications\?ids=/);
    await officer.getByRole('region', { name: '申请办理台账' }).getByText('共 2 件').waitFor();
    await screenshot(officer, 'print-ledger');
    const ledger = flat(await printedText(officer, 'ledger'));
    for (const serial of chosen) expect(ledger).toContain(flat(serial));
    expect(ledger).not.toContain(flat(shown.items[2]?.serialNo ?? '—'));
  }, 300_000);

  it('exports a register with its filter from its 导出 Excel button', async () => {
    const officer = await newPage(session.browser);
    await login(officer, session.app, 'yj.jbr');
    await officer.goto(`${session.app.baseUrl}/registers`);
    await officer.locator('.ant-table-row').first().waitFor();
    const api = (await (
      await officer.request.get(`${session.app.baseUrl}/api/organs/2/documents?pageSize=200`)
    ).json()) as {
      total: number;
      items: { title: string; number: string | null }[];
    };
    const [file] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    const csv = csvLines(
      await convert(await saved(file, 'documents.xlsx'), 'csv:Text - txt - csv (StarCalc):44,34,76,1'),
    );
    expect(csv[1]).toEqual(['类别', '文号', '标题', '制发日期', '废止日期']);
    expect(csv.length - 2).toBe(api.total);
    expect(csv.slice(2).map((line) => line[2])).toEqual(api.items.map((i) => i.title));

    // 打印: the register on A4 with the same rows.
    await officer.getByRole('button', { name: /打\s*印$/ }).click();
    await officer.waitForURL(/\/print\/documents/);
    await officer.getByRole('region', { name: '规章和行政规范性文件登记' }).getByText(`共 ${api.total} 件`).waitFor();
    await screenshot(officer, 'print-register');
    const printed = flat(await printedText(officer, 'register'));
    expect(printed).toContain('规章和行政规范性文件登记');
    expect(printed).toContain(flat(api.items[0]?.number ?? '—'));
  }, 300_000);
});
