import { api, unwrap } from '../../api/client.js';
import type { PortalApplication, PortalOrgan, PortalReceipt, PortalStatus } from './types.js';

export const portalKeys = {
  organs: ['portal', 'organs'] as const,
  captcha: (mode: CaptchaMode) => ['portal', 'captcha', mode] as const,
  status: (code: string) => ['portal', 'status', code] as const,
};

export const fetchOrgans = (): Promise<PortalOrgan[]> => unwrap(api.GET('/api/portal/organs'));
export type CaptchaMode = 'image' | 'text';
export const fetchCaptcha = (mode: CaptchaMode) =>
  unwrap(api.GET('/api/portal/captcha', { params: { query: { mode } } }));
export const submitApplication = (body: PortalApplication): Promise<PortalReceipt> =>
  unwrap(api.POST('/api/portal/applications', { body }));
export const fetchStatus = (queryCode: string): Promise<PortalStatus> =>
  unwrap(api.GET('/api/portal/applications/{queryCode}', { params: { path: { queryCode } } }));
export const answerPath = (queryCode: string) =>
  `/api/portal/applications/${encodeURIComponent(queryCode)}/letters/answer`;
