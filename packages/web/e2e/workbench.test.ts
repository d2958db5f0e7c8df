import { feeFor } from '@xxgk/core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickForAnswer, e2eSession, login, newPage, screenshot, type E2eApp } from './support.js';

/** 2026-12-21 → 2026年12月21日, as the case page shows dates. */
function chinese(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

interface CaseJson {
  status: string;
  deadline: { dueOn: string | null; paused: boolean; overdue: boolean; workingDaysLeft: number | null } | null;
  state: { extension?: { approvedOn?: string; rejectedOn?: string } };
}

interface DashboardJson {
  soon: number;
  open: number;
  dueSoon: number;
  overdue: number;
  awaitingReview: number;
  paused: number;
}

/** The cards that filter by more than 在办, and their titles. */
const CARD_TITLES = {
  overdue: '已逾期',
  dueSoon: '个工作日内到期',
  awaitingReview: '待审核',
  paused: '暂停计时',
} as const;
type Card = keyof typeof CARD_TITLES;

/** Whether a case is one a card counts, by its own deadline as the case page shows it. */
function counted(detail: CaseJson, card: Card, soon: number): boolean {
  const d = detail.deadline;
  const extension = detail.state.extension;
  switch (card) {
    case 'overdue':
      return detail.status !== 'closed' && d?.overdue === true;
    case 'dueSoon':
      return d !== null && !d.overdue && d.workingDaysLeft !== null && d.workingDaysLeft <= soon;
    case 'awaitingReview':
      return detail.status === 'answerPending' || (!!extension && !extension.approvedOn && !extension.rejectedOn);
    case 'paused':
      return d?.paused === true;
  }
}

async function caseJson(page: Page, app: E2eApp, id: number): Promise<CaseJson> {
  const response = await page.request.get(`${app.baseUrl}/api/applications/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as CaseJson;
}

/** Opens the action's form, lets `fill` fill it, and confirms. */
async function act(page: Page, label: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: label });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await confirmAction(page, dialog);
}

/**
 * Clicks the dialog's 确定 and waits for the server's answer to the action, so that a refusal
 * fails the test with its status and message rather than as a dialog that never closes.
 */
async function confirmAction(page: Page, dialog: ReturnType<Page['getByRole']>) {
  await clickForAnswer(page, dialog.getByRole('button', { name: /^确\s*定$/ }), /\/api\/applications\/\d+\/actions$/);
  await dialog.waitFor({ state: 'hidden' });
}

describe('officers’ workbench in a real browser', () => {
  const session = e2eSession();

  it('registers an application, asks for 补正, restarts the clock, answers and approves it', async () => {
    const officer = await newPage(session.browser);
    await login(officer, session.app, 'yj.jbr');
    await officer.getByText('申请列表（按答复期限排序）').waitFor();
    await officer.locator('.ant-table-row').first().waitFor();
    // The dashboard counts come from the server: the open count equals the API's.
    const dashboard = (await (
      await officer.request.get(`${session.app.baseUrl}/api/organs/2/dashboard`)
    ).json()) as DashboardJson;
    await officer.getByRole('listitem').filter({ hasText: '在办' }).getByText(String(dashboard.open)).waitFor();
    // Due and overdue first: the first row's 剩余工作日 is the smallest of the page.
    // (The first cell is the row's checkbox for 批量打印、导出.)
    const firstDays = await officer.locator('.ant-table-row').first().locator('td').nth(7).innerText();
    if (dashboard.overdue > 0) expect(firstDays).toContain('已逾期');
    await screenshot(officer, 'workbench-list');

    // A card filters the list to what it counts: the total is the card's number, every row is one it counts.
    const card = (Object.keys(CARD_TITLES) as Card[]).find((c) => dashboard[c] > 0);
    if (!card) throw new Error('演示数据中没有逾期、即将到期、待审核或暂停计时的申请');
    const cardButton = officer.getByRole('listitem').filter({ hasText: CARD_TITLES[card] }).getByRole('button');
    const total = officer.locator('.ant-pagination-total-text');
    const listShown = () => officer.locator('.ant-table-wrapper .ant-spin-spinning').waitFor({ state: 'detached' });
    await Promise.all([
      officer.waitForResponse((r) => r.url().includes('/applications?') && r.url().includes(`queue=${card}`)),
      cardButton.click(),
    ]);
    await listShown();
    expect(new URL(officer.url()).searchParams.get('queue')).toBe(card);
    expect(await cardButton.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => total.innerText()).toBe(`共 ${dashboard[card]} 件`);
    const ids = await officer
      .locator('.ant-table-row a[href^="/workbench/"]')
      .evaluateAll((links) => links.map((a) => Number(a.getAttribute('href')?.split('/').pop())));
    expect(ids).toHaveLength(Math.min(dashboard[card], 10));
    for (const id of ids) {
      expect({ id, counted: counted(await caseJson(officer, session.app, id), card, dashboard.soon) }).toEqual({
        id,
        counted: true,
      });
    }
    // The address keeps the filter across a reload.
    await officer.reload();
    await officer.getByText(`共 ${dashboard[card]} 件`).waitFor();
    expect(await cardButton.getAttribute('aria-pressed')).toBe('true');
    // 清除筛选 shows every open case again; back brings the filter back; Space on the card clears it.
    await officer.getByRole('button', { name: '清除筛选' }).click();
    await officer.getByText(`共 ${dashboard.open} 件`).waitFor();
    expect(new URL(officer.url()).searchParams.has('queue')).toBe(false);
    expect(await cardButton.getAttribute('aria-pressed')).toBe('false');
    await officer.goBack();
    await officer.getByText(`共 ${dashboard[card]} 件`).waitFor();
    await cardButton.focus();
    await officer.keyboard.press('Space');
    await officer.getByText(`共 ${dashboard.open} 件`).waitFor();
    expect(await officer.getByRole('button', { name: '清除筛选' }).count()).toBe(0);

    // Intake, with the client refusing an application without any way to reach the applicant.
    await officer.getByRole('button', { name: '登记申请' }).click();
    const drawer = officer.getByRole('dialog', { name: '登记申请' });
    await drawer.getByText('条例第三十一条：以提交之日为收到申请之日').waitFor();
    await drawer.getByLabel('申请人姓名或名称').fill('端到端测试人');
    await drawer
      .getByLabel('所需政府信息的名称、文号或者便于查询的其他特征性描述')
      .fill('2026年相山区安全生产检查计划');
    expect(await drawer.getByLabel('收到申请日期').isDisabled()).toBe(true);
    expect(await drawer.getByLabel('收到申请日期').inputValue()).toBe('2026-11-23');
    await drawer.getByRole('button', { name: /^登\s*记$/ }).click();
    await drawer.getByText('请至少填写一种联系方式（电话、电子邮箱或通信地址）').waitFor();
    await drawer.getByLabel('联系电话').fill('13800000000');
    await drawer.getByText('请至少填写一种联系方式（电话、电子邮箱或通信地址）').waitFor({ state: 'detached' });
    await screenshot(officer, 'workbench-intake');
    await drawer.getByRole('button', { name: /^登\s*记$/ }).click();
    await officer.waitForURL(/\/workbench\/\d+$/);
    const id = Number(new URL(officer.url()).pathname.split('/').pop());
    await officer.getByText('端到端测试人').first().waitFor();
    const registered = await caseJson(officer, session.app, id);
    expect(registered.status).toBe('inProgress');
    const firstDue = registered.deadline?.dueOn as string;
    await officer.getByTestId('due-on').getByText(chinese(firstDue)).waitFor();

    // It is in the list (searched for by the applicant's name).
    await officer.getByRole('link', { name: '返回申请列表' }).click();
    await officer.getByLabel('搜索申请').fill('端到端测试人');
    await officer.getByLabel('搜索申请').press('Enter');
    // The list's own rows (the workload table below it has rows too).
    const listRows = officer
      .locator('.ant-card')
      .filter({ hasText: '申请列表（按答复期限排序）' })
      .locator('.ant-table-row');
    const row = listRows.filter({ hasText: '端到端测试人' });
    // The new case is on the list's first page already: wait for the searched page to replace it.
    await expect.poll(() => listRows.count()).toBe(1);
    await row.waitFor();
    await row.getByRole('link').click();
    await officer.waitForURL(new RegExp(`/workbench/${id}$`));

    // 补正: the clock stands still.
    await act(officer, '发出补正告知', (dialog) =>
      dialog.getByLabel('需要补正的事项').fill('请明确所需信息的年度和文件名称'),
    );
    await officer.getByText('补正中', { exact: true }).first().waitFor();
    await officer.getByText(/^暂停计时：等待申请人补正/).waitFor();
    expect((await caseJson(officer, session.app, id)).deadline?.paused).toBe(true);

    // The corrected application comes a week later: the period runs again from that day.
    session.app.setToday('2026-11-30');
    await officer.reload();
    await officer.getByRole('button', { name: '收到补正申请', exact: true }).click();
    const receive = officer.getByRole('dialog', { name: '收到补正申请' });
    await expect.poll(() => receive.getByLabel('办理日期').inputValue()).toBe('2026-11-30');
    await confirmAction(officer, receive);
    const corrected = await caseJson(officer, session.app, id);
    const newDue = corrected.deadline?.dueOn as string;
    expect(newDue > firstDue).toBe(true);
    await officer.getByTestId('due-on').getByText(chinese(newDue)).waitFor();

    // The officer drafts the answer; the reviewer approves it.
    await act(officer, '拟写答复', async (dialog) => {
      await dialog.getByLabel('办理结果').click();
      await dialog.getByLabel('办理结果').fill('予以公开');
      await dialog.getByLabel('办理结果').press('Enter');
    });
    await officer.getByText('答复待审核', { exact: true }).first().waitFor();
    expect(await officer.getByRole('button', { name: '审核通过并答复' }).count()).toBe(0);

    const reviewer = await newPage(session.browser);
    await login(reviewer, session.app, 'yj.shr');
    await reviewer.goto(`${session.app.baseUrl}/workbench/${id}`);
    await reviewer.getByRole('button', { name: '退回修改', exact: true }).waitFor();
    await act(reviewer, '审核通过并答复');
    await reviewer.getByText('已办结', { exact: true }).first().waitFor();
    expect((await caseJson(reviewer, session.app, id)).status).toBe('closed');
    await reviewer.getByText('审核通过并答复').first().waitFor();
    await reviewer.getByText('操作记录').waitFor();
    await reviewer.getByRole('cell', { name: '审核通过并答复' }).waitFor();

    const [letter] = await Promise.all([
      reviewer.waitForEvent('download'),
      reviewer.getByRole('button', { name: '政府信息公开申请答复书' }).click(),
    ]);
    expect(letter.suggestedFilename()).toContain('答复书');
    expect(letter.suggestedFilename()).toMatch(/\.docx$/);
    await reviewer.reload();
    await reviewer.getByText('办理过程').waitFor();
    await reviewer.getByText('审核通过并答复').first().waitFor();
    await screenshot(reviewer, 'workbench-case');
  }, 180_000);
  it('tells the second of two officers to reload, previews the fee, and keeps attachments', async () => {
    session.app.setToday('2026-11-23');
    const first = await newPage(session.browser);
    const second = await newPage(session.browser);
    await Promise.all([login(first, session.app, 'yj.jbr'), login(second, session.app, 'jy.jbr')]);
    await first.getByLabel('办理状态范围').getByText('在办').waitFor();
    const row = first.locator('.ant-table-row').filter({ hasText: '办理中' }).last();
    await row.getByRole('link').click();
    await first.waitForURL(/\/workbench\/\d+$/);
    const id = Number(new URL(first.url()).pathname.split('/').pop());
    // Another organ's officer cannot open 应急管理局's case; a colleague of the same organ can.
    await second.goto(`${session.app.baseUrl}/workbench/${id}`);
    await second
      .getByText(/加载失败|找不到/)
      .first()
      .waitFor();
    expect(await second.getByRole('button', { name: '申请延期答复' }).count()).toBe(0);
    await login(second, session.app, 'yj.jbr');
    await second.goto(`${session.app.baseUrl}/workbench/${id}`);
    await second.getByRole('button', { name: '申请延期答复', exact: true }).waitFor();

    await act(first, '申请延期答复', async (dialog) => {
      await dialog.getByLabel('延长的工作日（1–20）').fill('10');
      await dialog.getByLabel('延期理由').fill('需要调取多个科室的档案');
    });
    await first.getByText('已申请延期 10 个工作日，待审核人批准').waitFor();

    // The second page still holds the old version: the server refuses, the page says why.
    await second.getByRole('button', { name: '申请延期答复', exact: true }).click();
    const stale = second.getByRole('dialog', { name: '申请延期答复' });
    await stale.getByLabel('延长的工作日（1–20）').fill('5');
    await stale.getByLabel('延期理由').fill('重复操作');
    await stale.getByRole('button', { name: /^确\s*定$/ }).click();
    await stale.getByText('该申请已被他人修改').first().waitFor();
    await stale.getByText(/请刷新后重试/).waitFor();
    await stale.getByRole('button', { name: /重新加载/ }).click();
    await second.getByText('已申请延期 10 个工作日，待审核人批准').waitFor();

    // The fee is previewed with the core's tariff while the officer types.
    await second.getByRole('button', { name: '发出收费通知', exact: true }).click();
    const fee = second.getByRole('dialog', { name: '发出收费通知' });
    await fee.getByLabel('数量（按件：本月第几件申请；按量：页数）').fill('145');
    await fee.getByText(`信息处理费：${feeFor('perPage', 145)} 元`).waitFor();
    await fee.getByRole('button', { name: /^取\s*消$/ }).click();

    // Attachments: upload, then listed with a download button.
    await second.locator('input[type=file]').setInputFiles({
      name: '补充材料.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('申请人补充说明：所需信息为2025年度的检查记录。', 'utf8'),
    });
    await second.getByText('补充材料.txt').first().waitFor();
    const [file] = await Promise.all([
      second.waitForEvent('download'),
      second
        .getByRole('button', { name: /下\s*载/ })
        .first()
        .click(),
    ]);
    expect(file.suggestedFilename()).toBe('补充材料.txt');
  }, 180_000);
});
