import { describe, expect, it } from 'vitest';
import { e2eSession, login, newPage } from './support.js';

describe('the system administrator in a real browser', () => {
  const session = e2eSession();

  it('allows self-approval for an organ of one officer from the 系统管理 page', async () => {
    const page = await newPage(session.browser);
    await login(page, session.app, 'admin');
    await page.goto(`${session.app.baseUrl}/admin`);
    const organ = '相山区人力资源和社会保障局';
    const toggle = page.getByRole('switch', { name: `${organ}允许本人审核` });
    await expect(toggle.isChecked()).resolves.toBe(false);
    await toggle.click();
    await page.getByText(`${organ}：已允许本人审核`).waitFor();
    await expect(toggle.isChecked()).resolves.toBe(true);
    const saved = await session.app.database.db
      .selectFrom('organs')
      .select('allow_self_approval')
      .where('name', '=', organ)
      .executeTakeFirstOrThrow();
    expect(saved.allow_self_approval).toBe(true);
  });
});
