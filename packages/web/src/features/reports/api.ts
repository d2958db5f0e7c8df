import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { ReportState, Sections } from './types.js';

export const reportKey = (organId: number, year: number) => ['reports', organId, year] as const;

export function useReport(organId: number, year: number) {
  return useQuery({
    queryKey: reportKey(organId, year),
    queryFn: () => unwrap(api.GET('/api/organs/{organId}/reports/{year}', { params: { path: { organId, year } } })),
  });
}

/** Each change returns the whole new state, which replaces the cached one. */
function useReportChange<T>(organId: number, year: number, call: (arg: T) => Promise<ReportState>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (state) => client.setQueryData(reportKey(organId, year), state),
  });
}

export function useCompileReport(organId: number, year: number) {
  return useReportChange(organId, year, () =>
    unwrap(api.POST('/api/organs/{organId}/reports/{year}/compile', { params: { path: { organId, year } } })),
  );
}

export function useSaveSections(organId: number, year: number) {
  return useReportChange(organId, year, (body: { version: number; sections: Sections }) =>
    unwrap(api.PUT('/api/organs/{organId}/reports/{year}/sections', { params: { path: { organId, year } }, body })),
  );
}

export function usePublishReport(organId: number, year: number) {
  return useReportChange(organId, year, (body: { version: number; reason?: string }) =>
    unwrap(api.POST('/api/organs/{organId}/reports/{year}/publish', { params: { path: { organId, year } }, body })),
  );
}

export function publishedFileUrl(organId: number, year: number, kind: 'docx' | 'pdf' | 'html'): string {
  return `/api/organs/${organId}/reports/${year}/published/${kind}`;
}
