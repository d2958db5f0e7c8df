import { describe, expect, it } from 'vitest';
import { e2eSession, login, newPage, screenshot } from './support.js';

/**
 * December 2026 in a real browser: a case received now is due in January 2027, whose notice is
 * not out. The officer sees the date marked 暂定 with what that means; the 系统管理员 pastes the
 * 2027 notice, previews the moved cases and saves; the officer then sees that the date moved.
 */
describe('the 系统管理员’s calendar screen and provisional deadlines in a real browser', () => {
  const session = e2eSession('2026-12-21');

  it('marks a January 2027 deadline 暂定, then moves it when the 2027 notice is entered', async () => {
    const db = session.app.database.db;
    const user = await db.selectFrom('users').selectAll().where('username', '=', 'yj.jbr').executeTakeFirstOrThrow();
    const organ = await db.selectFrom('organs').selectAll().where('id', '=', user.organ_id).executeTakeFirstOrThrow();
    const actor = {
      id: user.id,
      organId: organ.id,
      organPath: organ.path,
      role: 'officer' as const,
      name: user.display_name,
    };
    const row = await session.app.services.applications.intake(actor, organ.id, {
      channel: 'online',
      applicantKind: 'natural',
      applicantName: '王小明',
      applicantIdNumber: '340603199001011234',
      applicantPhone: '13800000000',
      request: '2026年本区危险化学品企业安全检查记录',
      deliveryForm: 'electronic',
      deliveryWay: 'email',
      submittedOn: '2026-12-21',
      receivedOn: '2026-12-21',
    });
    // 12/22–31: 8 working days, 1/1 元旦 (provisional), 1/4–8: 13, 1/11–15: 18, 1/18: 19, 1/19: 20.
    expect(row.due_on).toBe('2027-01-19');

    const officer = await newPage(session.browser);
    await login(officer, session.app, 'yj.jbr');
    await officer.goto(`${session.app.baseUrl}/workbench/${row.id}`);
    await expect(officer.getByTestId('due-on').innerText()).resolves.toBe('2027年1月19日');
    await officer.getByTestId('provisional').first().waitFor();
    await expect(officer.getByTestId('provisional-note').innerText()).resolves.toContain('最多提前7天或推后5天');

    // In the list: 暂定 beside the date, and no 暂停计时 (the case runs; only real pauses are tagged so).
    await officer.goto(`${session.app.baseUrl}/workbench`);
    const before = officer.locator('.ant-table-row').filter({ hasText: row.serial_no });
    await before.getByTestId('provisional').waitFor();
    await expect(before.innerText()).resolves.not.toContain('暂停计时');

    const admin = await newPage(session.browser);
    await login(admin, session.app, 'admin');
    await admin.goto(`${session.app.baseUrl}/admin`);
    const card = admin.getByTestId('calendar-card');
    await card.getByText('2027年尚无放假安排', { exact: false }).waitFor();
    await admin.getByLabel('通知全文').fill('一、元旦：1月1日（周五）至4日（周一）放假，共4天。');
    await admin.getByRole('button', { name: '识别通知' }).click();
    await expect(admin.getByLabel('日期').count()).resolves.toBe(4);
    await admin.getByRole('button', { name: '预览受影响的申请' }).click();
    await admin.getByTestId('calendar-preview-summary').filter({ hasText: '将调整' }).waitFor();
    await admin.getByTestId('calendar-moves').getByText(row.serial_no).waitFor();
    await screenshot(admin, 'calendar-preview');
    await admin.getByRole('button', { name: '保存并重算期限' }).click();
    await admin.getByText(/已保存2027年节假日安排，\d+ 件在办申请的答复期限已重算/).waitFor();
    await card.getByTestId('calendar-year-2027').getByText('管理员录入').waitFor();

    await officer.goto(`${session.app.baseUrl}/workbench/${row.id}`);
    await expect(officer.getByTestId('due-on').innerText()).resolves.toBe('2027年1月20日');
    await expect(officer.getByTestId('due-moved-note').innerText()).resolves.toContain(
      '2027年节假日安排已录入，答复期限已于',
    );
    expect(await officer.getByTestId('provisional-note').count()).toBe(0);
    await officer.goto(`${session.app.baseUrl}/workbench`);
    const listed = officer.locator('.ant-table-row').filter({ hasText: row.serial_no });
    await listed.getByTestId('due-moved').waitFor();
  });
});
