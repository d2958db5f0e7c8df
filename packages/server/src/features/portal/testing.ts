import type { Services } from '../../services.js';

/**
 * Test hook: the answer of a captcha token the portal issued, read with the process's secret.
 * Tests import it directly; it is not reachable over HTTP.
 */
export function solveCaptchaForTest(services: Services, token: string): string {
  const answer = services.portal.captcha.solve(token);
  if (answer === undefined) throw new Error('验证码令牌无效或已过期');
  return answer;
}
