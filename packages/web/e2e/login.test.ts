import { describe, expect, it } from 'vitest';
import { e2eSession, login, newPage, screenshot, takeViolations } from './support.js';

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

  it('asks who is logged in without an error in the console, on the login page and when sent to it', async () => {
    const page = await newPage(session.browser);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const probes: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/auth/me') probes.push(response.status());
    });
    await page.goto(`${session.app.baseUrl}/login`);
    await page.getByLabel('用户名').waitFor();
    await page.waitForLoadState('networkidle');
    await page.goto(`${session.app.baseUrl}/workbench`);
    await page.waitForURL(/\/login$/);
    await page.waitForLoadState('networkidle');
    expect(probes.length).toBeGreaterThanOrEqual(2);
    expect(probes.every((status) => status === 200)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('runs under a Content-Security-Policy that refuses inline script, and the suite notices a refusal', async () => {
    const page = await newPage(session.browser);
    const response = await page.goto(`${session.app.baseUrl}/login`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByLabel('用户名').waitFor();
    expect(takeViolations()).toEqual([]);
    // What an injected script would try: refused, and reported (every test fails on such a report).
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => takeViolations().length > 0 || undefined).toBe(true);
  });
});
