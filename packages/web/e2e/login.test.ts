import { describe, expect, it } from 'vitest';
import { e2eSession, login, newPage, screenshot } from './support.js';

describe('login in a real browser', () => {
  const session = e2eSession();

  it('refuses a wrong password in Chinese, then takes each role to its own start page', async () => {
    const page = await newPage(session.browser);
    await page.goto(`${session.app.baseUrl}/workbench`);
    await page.waitForURL(/\/login$/);
    await page.getByLabel('用户名').fill('yj.jbr');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page.getByText('用户名或密码错误').waitFor()).resolves.toBeUndefined();
    await screenshot(page, 'login');
    await login(page, session.app, 'yj.jbr');
    expect(new URL(page.url()).pathname).toBe('/workbench');
    await page.getByText('李经办（应急局）（经办人）').waitFor();
    const supervisor = await newPage(session.browser);
    await login(supervisor, session.app, 'gkb');
    expect(new URL(supervisor.url()).pathname).toBe('/supervision');
  });
});
