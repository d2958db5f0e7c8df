import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { browserToday } from './format.js';

export const dashboardKey = (organId: number) => ['workbench', 'dashboard', organId] as const;
export const caseKey = (id: number) => ['workbench', 'case', id] as const;

export type ApplicationsQuery = NonNullable<paths['/api/organs/{organId}/applications']['get']['parameters']['query']>;

/** The list's first page as the workbench opens: open cases, due first. */
export const FIRST_APPLICATIONS_PAGE = { page: 1, pageSize: 10, open: 'true' } as const satisfies ApplicationsQuery;

export function dashboardQuery(organId: number) {
  return queryOptions({
    queryKey: dashboardKey(organId),
    staleTime: 0,
    queryFn: () => unwrap(api.GET('/api/organs/{organId}/dashboard', { params: { path: { organId } } })),
  });
}

export function applicationsQuery(organId: number, query: ApplicationsQuery) {
  return queryOptions({
    queryKey: ['workbench', 'applications', organId, query] as const,
    queryFn: () => unwrap(api.GET('/api/organs/{organId}/applications', { params: { path: { organId }, query } })),
  });
}

/**
 * Asks for what the workbench's first screen shows as soon as the session is known, while the
 * area's script is still loading (main.tsx), rather than after it has rendered.
 */
export function prefetchWorkbench(client: QueryClient, organId: number): void {
  void client.prefetchQuery(dashboardQuery(organId));
  void client.prefetchQuery(applicationsQuery(organId, FIRST_APPLICATIONS_PAGE));
}

export function useDashboard(organId: number) {
  return useQuery(dashboardQuery(organId));
}

/** The server's today (it may differ from the browser's): the default date of every form. */
export function useServerToday(organId: number): string {
  return useDashboard(organId).data?.today ?? browserToday();
}

export function useCase(id: number) {
  return useQuery({
    queryKey: caseKey(id),
    staleTime: 0,
    queryFn: () => unwrap(api.GET('/api/applications/{id}', { params: { path: { id } } })),
  });
}

export function useAudit(id: number, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['workbench', 'audit', id, page, pageSize],
    staleTime: 0,
    queryFn: () =>
      unwrap(
        api.GET('/api/audit', { params: { query: { entity: 'application', entityId: String(id), page, pageSize } } }),
      ),
  });
}
