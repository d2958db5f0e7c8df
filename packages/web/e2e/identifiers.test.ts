import { ACTION_LABELS, APPLICANT_KINDS, CASE_STATUSES, OUTCOMES, RULES } from '@xxgk/core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, login, newPage, REVIEW_SCREENSHOTS, screenshot } from './support.js';

const ORGAN = 2; // 相山区应急管理局

/**
 * The codes the program speaks among itself and a user must never read: rule ids
 * (`section-missing`), cell IDs (`s3.new.total`), case actions, statuses and outcomes
 * (`approveAnswer`, `unable.notHeld`), the audit log's objects and actions (`application/intake`).
 * Plain English words that are also codes (`natural`, `login`) are left out: they would be
 * noticed by the Chinese-only rule of the project's review, not by a pattern.
 */
function codes(): { name: string; pattern: RegExp }[] {
  const words = [
    ...RULES.map((rule) => rule.id),
    ...Object.keys(ACTION_LABELS),
    ...CASE_STATUSES,
    ...OUTCOMES,
    ...APPLICANT_KINDS,
    'intake',
    'deadlineMoved',
    'correctCell',
    'editSections',
    'login-failed',
    'importedReport',
  ].filter((word) => /[A-Z.-]/.test(word));
  const escaped = [...new Set(words)].map((word) => word.replace(/[.-]/g, (c) => `\\${c}`));
  return [
    { name: '单元格编号', pattern: /(?<![\w.])s[234]\.[a-z][A-Za-z]*(?:\.[a-zA-Z]+)+/g },
    { name: '程序代码', pattern: new RegExp(`(?<![\\w.-])(?:${escaped.join('|')})(?![\\w-])`, 'g') },
    { name: '对象/操作代码', pattern: /(?<![\w/.:])[a-z][A-Za-z]+\/[a-z][A-Za-z-]+(?![\w/])/g },
  ];
}

const CODES = codes();

/** Everything a person can read on the page: its text and the titles, labels and hints of its elements. */
async function readable(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const element of Array.from(document.querySelectorAll('[title], [aria-label], [placeholder], [alt]'))) {
      for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    return parts.join('\n');
  });
}

const seen: string[] = [];

/** Fails with every code found on the page, named with the page and the kind of code. */
async function expectNoCodes(page: Page, where: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const text = await readable(page);
  const found = CODES.flatMap(({ name, pattern }) => [...text.matchAll(pattern)].map((m) => `${name} ${m[0]}`));
  seen.push(where);
  expect(found, `${where} 显示了程序内部的编号或代码`).toEqual([]);
}

async function visit(page: Page, baseUrl: string, path: string, ready: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByText(ready).first().waitFor();
  await expectNoCodes(page, path);
}

describe('every screen speaks Chinese, never the program’s codes', () => {
  const session = e2eSession();

  it('as the officer: cases, a case’s history, registers, reports with findings and a number’s sources, imports', async () => {
    const { app, browser } = session;
    const page = await newPage(browser);
    await login(page, app, 'yj.jbr');
    await expectNoCodes(page, '/workbench');
    const closed = await app.database.db
      .selectFrom('applications')
      .select('id')
      .where('organ_id', '=', ORGAN)
      .where('status', '=', 'closed')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await visit(page, app.baseUrl, `/workbench/${closed.id}`, '操作记录');
    await page.getByText('审核通过并答复').first().waitFor();
    await visit(page, app.baseUrl, '/registers/documents', '文件登记');
    await visit(page, app.baseUrl, '/registers/figures', '年度填报数');
    await visit(page, app.baseUrl, '/registers/reviews', '复议诉讼');
    for (const year of [2026, 2025]) {
      await visit(page, app.baseUrl, `/reports/${year}`, '正式版式预览');
      // 2026 is a draft with findings, each named by its requirement.
      if (year === 2026) {
        await page.getByText('规则：').first().waitFor();
        await screenshot(page, 'report-findings', REVIEW_SCREENSHOTS);
      }
      // The sources of a number.
      await page.locator('.xxgk-preview td[data-cell="s3.new.total"]').click();
      await page
        .locator('.ant-drawer')
        .getByText(/件政府信息公开申请计得|件记录计得/)
        .waitFor();
      await expectNoCodes(page, `/reports/${year} 数字的来源`);
      await page.locator('.ant-drawer-close').click();
    }
    await visit(page, app.baseUrl, '/import', '导入报告');
    await page.getByRole('tab', { name: '已保存的导入报告' }).click();
    await page.locator('.ant-table-row').first().click();
    await page.locator('.ant-drawer').getByText('导入人').waitFor();
    await page.locator('.ant-drawer td[data-cell="s3.new.total"] button').click();
    await page.locator('.ant-drawer .import-selection').getByText('一、本年新收政府信息公开申请数量·总计').waitFor();
    await expectNoCodes(page, '/import 已保存的导入报告');
  });

  it('as the reviewer and the organ’s administrator', async () => {
    for (const username of ['yj.shr', 'yj.admin']) {
      const page = await newPage(session.browser);
      await login(page, session.app, username);
      await expectNoCodes(page, `/workbench（${username}）`);
      await visit(page, session.app.baseUrl, '/reports/2026', '正式版式预览');
      await page.context().close();
    }
  });

  it('as the supervisor and the system administrator, whose audit log names objects and actions in Chinese', async () => {
    const { app, browser } = session;
    const supervisor = await newPage(browser);
    await login(supervisor, app, 'gkb');
    await supervisor.locator('[data-chart="outcomes"]').waitFor();
    await expectNoCodes(supervisor, '/supervision');
    await supervisor.getByRole('button', { name: '查看相山区应急管理局的报告' }).click();
    await supervisor.getByText('检查发现的问题').waitFor();
    await expectNoCodes(supervisor, '/supervision 机关的报告');

    const admin = await newPage(browser);
    await login(admin, app, 'admin');
    await admin.locator('.ant-table-row').first().waitFor();
    const log = admin.locator('.ant-card').filter({ hasText: '审计日志' });
    await log.getByText('登录会话').first().waitFor();
    await log.getByRole('cell', { name: '登录', exact: true }).first().waitFor();
    await expectNoCodes(admin, '/admin');
    await log.scrollIntoViewIfNeeded();
    await screenshot(admin, 'admin-audit-log', REVIEW_SCREENSHOTS);
    await visit(admin, app.baseUrl, '/supervision', '监督');
  });

  it('to the public: the login page and the portal', async () => {
    const page = await newPage(session.browser);
    await visit(page, session.app.baseUrl, '/login', '用户名');
    await visit(page, session.app.baseUrl, '/portal', '政府信息公开申请');
    await visit(page, session.app.baseUrl, '/portal/status', '查询');
    expect(seen.length).toBeGreaterThanOrEqual(20);
  });

  it('would notice a code if one were shown', async () => {
    const page = await newPage(session.browser);
    await page.goto(`${session.app.baseUrl}/login`);
    await page.getByText('用户名').first().waitFor();
    await page.evaluate(() => {
      const planted = document.createElement('p');
      planted.textContent = '规则 section-missing：s3.new.total application/intake approveAnswer';
      document.body.append(planted);
    });
    const text = await readable(page);
    const found = CODES.flatMap(({ pattern }) => [...text.matchAll(pattern)].map((m) => m[0]));
    expect(found.toSorted()).toEqual(['application/intake', 'approveAnswer', 's3.new.total', 'section-missing']);
  });
});
