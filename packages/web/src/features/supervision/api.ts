import { api, unwrap } from '../../api/client.js';
import type { OrganReport, Statistics, SupervisionYear } from './types.js';

export async function supervisionYear(year: number): Promise<SupervisionYear> {
  return (await unwrap(api.GET('/api/supervision/{year}', { params: { path: { year } } }))) as SupervisionYear;
}

export async function statistics(year: number): Promise<Statistics> {
  return (await unwrap(api.GET('/api/supervision/{year}/statistics', { params: { path: { year } } }))) as Statistics;
}

export async function organReport(organId: number, year: number): Promise<OrganReport> {
  return (await unwrap(
    api.GET('/api/organs/{organId}/reports/{year}', { params: { path: { organId, year } } }),
  )) as OrganReport;
}
