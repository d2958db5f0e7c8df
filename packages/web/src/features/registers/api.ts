import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, upload } from '../../api/client.js';
import type {
  CsvImportResult,
  DocumentInput,
  RegisterDocument,
  ReviewCase,
  ReviewInput,
  YearFigures,
} from './types.js';

export const registerKeys = {
  documents: (organId: number) => ['registers', organId, 'documents'] as const,
  reviews: (organId: number) => ['registers', organId, 'reviews'] as const,
  figures: (organId: number, year: number) => ['registers', organId, 'figures', year] as const,
};

export function useDocuments(organId: number) {
  return useQuery({
    queryKey: registerKeys.documents(organId),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/organs/{organId}/documents', { params: { path: { organId } } }),
      )) as RegisterDocument[],
  });
}

export function useSaveDocument(organId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input }: { id?: number; input: DocumentInput }) =>
      id === undefined
        ? unwrap(api.POST('/api/organs/{organId}/documents', { params: { path: { organId } }, body: input }))
        : unwrap(api.PUT('/api/documents/{id}', { params: { path: { id } }, body: input })),
    onSuccess: () => client.invalidateQueries({ queryKey: registerKeys.documents(organId) }),
  });
}

export function useReviews(organId: number) {
  return useQuery({
    queryKey: registerKeys.reviews(organId),
    queryFn: async () =>
      (await unwrap(api.GET('/api/organs/{organId}/reviews', { params: { path: { organId } } }))) as ReviewCase[],
  });
}

export function useSaveReview(organId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input }: { id?: number; input: ReviewInput }) =>
      id === undefined
        ? unwrap(api.POST('/api/organs/{organId}/reviews', { params: { path: { organId } }, body: input }))
        : unwrap(api.PUT('/api/reviews/{id}', { params: { path: { id } }, body: input })),
    onSuccess: () => client.invalidateQueries({ queryKey: registerKeys.reviews(organId) }),
  });
}

export function useFigures(organId: number, year: number) {
  return useQuery({
    queryKey: registerKeys.figures(organId, year),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/organs/{organId}/figures/{year}', { params: { path: { organId, year } } }),
      )) as unknown as YearFigures,
  });
}

export function useSaveFigures(organId: number, year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { version: number; figures: Record<string, number | null> }) =>
      unwrap(api.PUT('/api/organs/{organId}/figures/{year}', { params: { path: { organId, year } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: registerKeys.figures(organId, year) }),
  });
}

/** Sends a CSV file to an import endpoint; `dryRun` only previews, nothing is saved. */
export function importCsv(path: string, file: Blob, dryRun: boolean): Promise<CsvImportResult> {
  return upload<CsvImportResult>(`${path}?dryRun=${dryRun ? 'true' : 'false'}`, file, 'text/csv');
}
