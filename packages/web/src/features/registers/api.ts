import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, upload } from '../../api/client.js';
import type {
  CsvImportResult,
  DocumentInput,
  DocumentsQuery,
  RegisterFiguresInput,
  ReviewInput,
  ReviewsQuery,
} from './types.js';

export const registerKeys = {
  /** Every page and filter of the organ's documents, for invalidating them all at once. */
  allDocuments: (organId: number) => ['registers', organId, 'documents'] as const,
  documents: (organId: number, query: DocumentsQuery) => [...registerKeys.allDocuments(organId), query] as const,
  allReviews: (organId: number) => ['registers', organId, 'reviews'] as const,
  reviews: (organId: number, query: ReviewsQuery) => [...registerKeys.allReviews(organId), query] as const,
  figures: (organId: number, year: number) => ['registers', organId, 'figures', year] as const,
};

/** One page of the organ's documents; the previous page stays shown while the next loads. */
export function useDocuments(organId: number, query: DocumentsQuery) {
  return useQuery({
    queryKey: registerKeys.documents(organId, query),
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/organs/{organId}/documents', { params: { path: { organId }, query } })),
  });
}

export function useSaveDocument(organId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input }: { id?: number; input: DocumentInput }) =>
      id === undefined
        ? unwrap(api.POST('/api/organs/{organId}/documents', { params: { path: { organId } }, body: input }))
        : unwrap(api.PUT('/api/documents/{id}', { params: { path: { id } }, body: input })),
    onSuccess: () => client.invalidateQueries({ queryKey: registerKeys.allDocuments(organId) }),
  });
}

/** One page of the organ's reconsideration and litigation cases. */
export function useReviews(organId: number, query: ReviewsQuery) {
  return useQuery({
    queryKey: registerKeys.reviews(organId, query),
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/organs/{organId}/reviews', { params: { path: { organId }, query } })),
  });
}

export function useSaveReview(organId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input }: { id?: number; input: ReviewInput }) =>
      id === undefined
        ? unwrap(api.POST('/api/organs/{organId}/reviews', { params: { path: { organId } }, body: input }))
        : unwrap(api.PUT('/api/reviews/{id}', { params: { path: { id } }, body: input })),
    onSuccess: () => client.invalidateQueries({ queryKey: registerKeys.allReviews(organId) }),
  });
}

/** Marks every page of a register stale, e.g. after a CSV import added rows to it. */
export function useRefreshRegister(organId: number, register: 'documents' | 'reviews') {
  const client = useQueryClient();
  const queryKey = register === 'documents' ? registerKeys.allDocuments(organId) : registerKeys.allReviews(organId);
  return () => client.invalidateQueries({ queryKey });
}

export function useFigures(organId: number, year: number) {
  return useQuery({
    queryKey: registerKeys.figures(organId, year),
    queryFn: () => unwrap(api.GET('/api/organs/{organId}/figures/{year}', { params: { path: { organId, year } } })),
  });
}

export function useSaveFigures(organId: number, year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: RegisterFiguresInput) =>
      unwrap(api.PUT('/api/organs/{organId}/figures/{year}', { params: { path: { organId, year } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: registerKeys.figures(organId, year) }),
  });
}

/** Sends a CSV file to an import endpoint; `dryRun` only previews, nothing is saved. */
export function importCsv(path: string, file: Blob, dryRun: boolean): Promise<CsvImportResult> {
  return upload<CsvImportResult>(`${path}?dryRun=${dryRun ? 'true' : 'false'}`, file, 'text/csv');
}
