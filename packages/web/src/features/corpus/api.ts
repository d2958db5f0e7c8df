import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { paths } from '../../api/schema.js';

type Get<P extends keyof paths> = paths[P]['get'];
type Query<P extends keyof paths> = Get<P> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type Answer<P extends keyof paths> =
  Get<P> extends {
    responses: { 200: { content: { 'application/json': infer A } } };
  }
    ? A
    : never;

export type CorpusFilter = Omit<Query<'/api/corpus/figures'>, 'by'>;
export type GroupBy = NonNullable<Query<'/api/corpus/figures'>['by']>;
export type Figures = Answer<'/api/corpus/figures'>;
export type ReportsQuery = Query<'/api/corpus/reports'>;
export type MeasureKey = NonNullable<ReportsQuery['measure']>;
export type OutlierType = Query<'/api/corpus/outliers'>['type'];
export type CorpusReport = Answer<'/api/corpus/reports/{id}'>;
export type RegionSummary = Answer<'/api/corpus/regions/{code}/{year}'>;

export function useChoices() {
  return useQuery({ queryKey: ['corpus', 'choices'], queryFn: () => unwrap(api.GET('/api/corpus/choices')) });
}

export function useFigures(filter: CorpusFilter, by: GroupBy) {
  return useQuery({
    queryKey: ['corpus', 'figures', filter, by],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/corpus/figures', { params: { query: { ...filter, by } } })),
  });
}

export function useReports(query: ReportsQuery | null) {
  return useQuery({
    queryKey: ['corpus', 'reports', query],
    enabled: query !== null,
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/corpus/reports', { params: { query: query ?? {} } })),
  });
}

export function useOutliers(type: OutlierType, filter: CorpusFilter, page: number) {
  return useQuery({
    queryKey: ['corpus', 'outliers', type, filter, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(api.GET('/api/corpus/outliers', { params: { query: { ...filter, type, page, pageSize: 10 } } })),
  });
}

export function useCorpusReport(id: string) {
  return useQuery({
    queryKey: ['corpus', 'report', id],
    queryFn: () => unwrap(api.GET('/api/corpus/reports/{id}', { params: { path: { id } } })),
  });
}

export function useRegionSummary(code: string | undefined, year: number | undefined, within: boolean) {
  return useQuery({
    queryKey: ['corpus', 'region', code, year, within],
    enabled: Boolean(code && year),
    queryFn: () =>
      unwrap(
        api.GET('/api/corpus/regions/{code}/{year}', {
          params: { path: { code: code ?? '', year: year ?? 0 }, query: { within: within ? 'true' : 'false' } },
        }),
      ),
  });
}
