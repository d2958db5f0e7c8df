import { readFile } from 'node:fs/promises';
import type { Report } from '@xxgk/core';
import { describe, expect, it } from 'vitest';
import { intake } from '../../server/test/support/fixtures.js';
import { e2eSession, login, newPage, REVIEW_SCREENSHOTS, screenshot } from './support.js';

const ORGAN = 2; // 相山区应急管理局

describe('annual report editor in a real browser', () => {
  const session = e2eSession();

  const stored = () =>
    session.app.database.db
      .selectFrom('annual_reports')
      .select(['status', 'version', 'report', 'findings', 'published_on', 'late'])
      .where('organ_id', '=', ORGAN)
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();

  it('recompiles, shows a finding in the tables, saves the prose, and a reviewer publishes on time', async () => {
    const page = await newPage(session.browser);
    page.on('pageerror', (e) => console.error('页面错误', e.message));
    await login(page, session.app, 'yj.jbr');

    // Leave one figure blank, so that the recompiled report has a finding about a cell.
    await page.goto(`${session.app.baseUrl}/registers/figures`);
    const penalties = page.getByLabel('行政处罚·处理决定数量');
    await penalties.waitFor();
    await penalties.fill('');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('2026年度填报数已保存').waitFor();

    await page.goto(`${session.app.baseUrl}/reports/2026`);
    await page.getByTestId('report-status').getByText('草稿').waitFor();
    await page.getByText('相山区应急管理局2026年政府信息公开工作年度报告').waitFor();
    const versionBefore = (await stored()).version;
    await page.getByRole('button', { name: '由记录重新编制' }).click();
    await page.getByText('已由记录重新编制，并重新检查').waitFor();
    const compiled = await stored();
    expect(compiled.version).toBe(versionBefore + 1);
    const blank = (compiled.findings as { rule: string; cells: readonly string[] }[]).find(
      (f) => f.rule === 'cell-blank',
    );
    expect(blank?.cells).toEqual(['s2.penalty.decisions']);

    // Clicking the finding marks its cell in the official layout.
    await page.locator('[data-rule="cell-blank"]').getByRole('button').click();
    const highlighted = page.locator('.xxgk-preview td.is-highlighted');
    await highlighted.first().waitFor();
    expect(await highlighted.count()).toBe(1);
    expect(await highlighted.getAttribute('data-cell')).toBe(blank?.cells[0]);
    await page.waitForTimeout(600); // the smooth scroll settles before the screenshot
    await screenshot(page, 'reports-editor');

    // The prose sections, written in place and saved with the version.
    await page.getByRole('tab', { name: '文字部分' }).click();
    await page
      .getByLabel('一、总体情况 导语')
      .fill('2026年，相山区应急管理局认真贯彻《中华人民共和国政府信息公开条例》。');
    const headings = ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）平台建设', '（五）监督保障'];
    for (const [i, heading] of headings.entries()) {
      await page
        .getByLabel(`一、总体情况 ${heading}`, { exact: true })
        .fill(`第${i + 1}项工作按期完成。\n全年未发生因公开不当引发的问题。`);
    }
    await page.getByLabel('五、存在的主要问题及改进情况 正文').fill('政策解读形式较为单一。下一步将丰富解读形式。');
    await page.getByRole('button', { name: '保存文字部分' }).click();
    await page.getByText('文字部分已保存，已重新检查').waitFor();
    const edited = await stored();
    expect(edited.version).toBe(compiled.version + 1);
    const sections = (edited.report as Report).sections;
    expect(sections.overview.paragraphs).toEqual([
      '2026年，相山区应急管理局认真贯彻《中华人民共和国政府信息公开条例》。',
    ]);
    expect(sections.overview.subsections[0]).toEqual({
      heading: '（一）主动公开',
      paragraphs: ['第1项工作按期完成。', '全年未发生因公开不当引发的问题。'],
    });
    expect(sections.problems.paragraphs).toEqual(['政策解读形式较为单一。下一步将丰富解读形式。']);
    expect((edited.findings as { severity: string }[]).filter((f) => f.severity === 'error')).toEqual([]);
    await page.getByRole('tab', { name: /检查结果/ }).click();
    expect(await page.getByText('错误 0').isVisible()).toBe(true);
    // An officer cannot publish: the button says why.
    expect(await page.getByRole('button', { name: /发\s*布/ }).isDisabled()).toBe(true);
    await page.getByTestId('publish-blocked').getByText('须由审核人发布').waitFor();

    // A case registered after compiling: the draft is stale, names the cells, and is recompiled.
    await session.app.services.applications.intake(
      null,
      ORGAN,
      intake({ submittedOn: '2026-11-23', receivedOn: '2026-11-23' }),
    );
    await page.reload();
    const banner = page.getByTestId('stale-banner');
    await banner.getByText(/一、本年新收政府信息公开申请数量·总计：\d+ → \d+/).waitFor();
    await page.getByTestId('publish-blocked').getByText('须由审核人发布').waitFor();
    await screenshot(page, 'reports-stale');
    await banner.getByRole('button', { name: '重新编制' }).click();
    await page.getByText('已由记录重新编制，文字部分保留').waitFor();
    await banner.waitFor({ state: 'detached' });
    const recompiled = await stored();
    expect((recompiled.report as Report).sections.problems.paragraphs).toEqual([
      '政策解读形式较为单一。下一步将丰富解读形式。',
    ]);
    expect((recompiled.report as Report).cells['s3.new.total']).toBe(
      ((edited.report as Report).cells['s3.new.total'] ?? 0) + 1,
    );

    // Before the year ends, the reviewer is asked why the report would be published early.
    const reviewer = await newPage(session.browser);
    await login(reviewer, session.app, 'yj.shr');
    await reviewer.goto(`${session.app.baseUrl}/reports/2026`);
    await reviewer.getByTestId('report-status').getByText('草稿').waitFor();
    const publish = reviewer.getByRole('button', { name: /发\s*布/ });
    await publish.click();
    const dialog = reviewer.getByRole('dialog');
    await dialog.getByText('2026年度尚未结束（今天是 2026-11-23）').waitFor();
    // Without a reason the dialog refuses in place. Under load a click during the dialog's opening
    // animation can be lost; pressing again is what a user does and changes nothing here.
    const refusal = dialog.getByText('请填写提前发布的理由');
    await expect
      .poll(
        async () => {
          await dialog.getByRole('button', { name: '确认发布' }).click();
          return refusal.isVisible();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(true);
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await stored()).status).toBe('draft');

    // The reviewer publishes in January, on time.
    session.app.setToday('2027-01-15');
    await reviewer.reload();
    await reviewer.getByTestId('report-status').getByText('草稿').waitFor();
    expect(await publish.isEnabled()).toBe(true);
    await publish.click();
    // The dialog says what is published before it is.
    await dialog.getByText('发布2026年度政府信息公开工作年度报告').waitFor();
    await dialog.getByText('相山区应急管理局').waitFor();
    await dialog.getByText('本年新收政府信息公开申请').waitFor();
    await dialog.getByText(/DOCX、PDF、HTML 三种文件即向社会公开/).waitFor();
    expect(await dialog.getByLabel('提前发布的理由').count()).toBe(0);
    await reviewer.waitForTimeout(600); // the dialog's opening animation settles before the screenshot
    await screenshot(reviewer, 'reports-publish-dialog');
    await dialog.getByRole('button', { name: '确认发布' }).click();
    await reviewer.getByText('年度报告已发布').waitFor();
    await reviewer.getByTestId('report-status').getByText('已发布').waitFor();
    expect(await reviewer.getByTestId('report-status').getByText('逾期').count()).toBe(0);
    await reviewer.getByText('2027-01-15 发布').waitFor();
    const published = await stored();
    expect(published.status).toBe('published');
    expect(published.published_on).toBe('2027-01-15');
    expect(published.late).toBe(false);

    const [download] = await Promise.all([
      reviewer.waitForEvent('download'),
      reviewer.getByRole('link', { name: '下载 DOCX' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('相山区应急管理局2026年政府信息公开工作年度报告.docx');
    const bytes = await readFile((await download.path()) as string);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await screenshot(reviewer, 'reports-published');

    // Published: the prose is read-only.
    await reviewer.getByRole('tab', { name: '文字部分' }).click();
    await reviewer.getByTestId('sections-read-only').waitFor();
    expect(await reviewer.getByLabel('五、存在的主要问题及改进情况 正文').getAttribute('readonly')).not.toBeNull();
    expect(await reviewer.getByRole('button', { name: '保存文字部分' }).count()).toBe(0);
  });

  it('lists the applications behind a number of the compiled report, each opening its case', async () => {
    const page = await newPage(session.browser);
    await login(page, session.app, 'yj.jbr');
    await page.goto(`${session.app.baseUrl}/reports/2025`);
    const cell = page.locator('.xxgk-preview td[data-cell="s3.new.total"]');
    await cell.waitFor();
    const value = Number((await cell.innerText()).trim());
    expect(value).toBeGreaterThan(0);
    await cell.click();
    const drawer = page.getByRole('dialog', { name: `一、本年新收政府信息公开申请数量·总计：${value}` });
    await drawer.getByText(`由 ${value} 件政府信息公开申请计得`).waitFor();
    const links = drawer.getByRole('link');
    expect(await links.count()).toBe(value);
    await page.waitForTimeout(600); // the drawer's slide-in settles before the screenshot
    await screenshot(page, 'report-number-sources', REVIEW_SCREENSHOTS);
    const serial = (await links.first().innerText()).trim();
    await links.first().click();
    await page.waitForURL(/\/workbench\/\d+$/);
    await page.getByText(serial).first().waitFor();
  });
});
