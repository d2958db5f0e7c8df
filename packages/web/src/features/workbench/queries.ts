import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { browserToday } from './format.js';
import type { AuditEntry, CaseDetail, Dashboard } from './types.js';

export const dashboardKey = (organId: number) => ['workbench', 'dashboard', organId] as const;
export const caseKey = (id: number) => ['workbench', 'case', id] as const;

export function useDashboard(organId: number) {
  return useQuery({
    queryKey: dashboardKey(organId),
    staleTime: 0,
    queryFn: async () =>
      (await unwrap(api.GET('/api/organs/{organId}/dashboard', { params: { path: { organId } } }))) as Dashboard,
  });
}

/** The server's today (it may differ from the browser's): the default date of every form. */
export function useServerToday(organId: number): string {
  return useDashboard(organId).data?.today ?? browserToday();
}

export function useCase(id: number) {
  return useQuery({
    queryKey: caseKey(id),
    staleTime: 0,
    queryFn: async () => (await unwrap(api.GET('/api/applications/{id}', { params: { path: { id } } }))) as CaseDetail,
  });
}

export function useAudit(id: number, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['workbench', 'audit', id, page, pageSize],
    staleTime: 0,
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/audit', { params: { query: { entity: 'application', entityId: String(id), page, pageSize } } }),
      )) as AuditEntry[],
  });
}
