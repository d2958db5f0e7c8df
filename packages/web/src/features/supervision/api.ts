import { api, unwrap } from '../../api/client.js';

export function supervisionYear(year: number) {
  return unwrap(api.GET('/api/supervision/{year}', { params: { path: { year } } }));
}

export function statistics(year: number) {
  return unwrap(api.GET('/api/supervision/{year}/statistics', { params: { path: { year } } }));
}

export function organReport(organId: number, year: number) {
  return unwrap(api.GET('/api/organs/{organId}/reports/{year}', { params: { path: { organId, year } } }));
}
