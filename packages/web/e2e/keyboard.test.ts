import { describe, expect, it } from 'vitest';
import { e2eSession, newPage } from './support.js';

/** Officers work with the keyboard: login, the list and a case must be reachable without a mouse. */
describe('keyboard use', () => {
  const session = e2eSession();

  it('logs in and opens a case with Tab and Enter alone', async () => {
    const page = await newPage(session.browser);
    await page.goto(`${session.app.baseUrl}/login`);
    // The user name field has the focus once the form is shown (the page's script may still be
    // loading when "load" fires on a busy machine, so wait for the focus rather than the event).
    await page.waitForFunction(() => document.activeElement?.getAttribute('autocomplete') === 'username');
    await page.keyboard.type('yj.jbr');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Xxgk-demo-2026');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/workbench$/);
    const firstCase = page.locator('.ant-table-row a').first();
    await firstCase.waitFor();
    const serial = (await firstCase.textContent())?.trim() ?? '';
    expect(serial).toMatch(/依申第\d+号/);
    // Tab through the page until the first case link has the focus, then open it with Enter.
    let reached = false;
    for (let step = 0; step < 80 && !reached; step += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        (text) => document.activeElement?.tagName === 'A' && document.activeElement.textContent?.trim() === text,
        serial,
      );
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/workbench\/\d+$/);
    await page.getByText(serial).first().waitFor();
  });
});
