import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { SupervisionOrgansQuery } from './types.js';

export function supervisionYear(year: number) {
  return unwrap(api.GET('/api/supervision/{year}', { params: { path: { year } } }));
}

/** One page of the organs and their reports; the previous page stays shown while the next loads. */
export function useSupervisionOrgans(year: number, query: SupervisionOrgansQuery) {
  return useQuery({
    queryKey: ['supervision', year, 'organs', query],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/supervision/{year}/organs', { params: { path: { year }, query } })),
  });
}

export function statistics(year: number) {
  return unwrap(api.GET('/api/supervision/{year}/statistics', { params: { path: { year } } }));
}

export function organReport(organId: number, year: number) {
  return unwrap(api.GET('/api/organs/{organId}/reports/{year}', { params: { path: { organId, year } } }));
}
