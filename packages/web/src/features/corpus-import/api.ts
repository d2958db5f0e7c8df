import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, upload } from '../../api/client.js';
import type { components } from '../../api/schema.js';

export type CorpusBatch = components['schemas']['CorpusBatch'];
export type CorpusFile = CorpusBatch['files']['items'][number];
export type CorpusImportStarted = components['schemas']['CorpusImportStarted'];
export type FileStatus = CorpusFile['status'];

/** Sends the chosen files (reports or ZIP archives) as one multipart form, field `files`. */
export async function startImport(files: readonly File[], label: string): Promise<CorpusImportStarted> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  if (label.trim()) form.append('label', label.trim());
  // The browser writes the multipart boundary: let a Request build the body and its content type.
  const request = new Request(location.origin, { method: 'POST', body: form });
  const contentType = request.headers.get('content-type') ?? 'multipart/form-data';
  return upload<CorpusImportStarted>('/api/corpus/imports', await request.blob(), contentType);
}

/** How often the page asks for a running batch's progress. */
const POLL_MS = 1000;

/** A batch and a page of its files; asked again every second until the batch is finished. */
export function useCorpusBatch(
  batchId: number | undefined,
  status: FileStatus | undefined,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: ['corpus-import', batchId, status, page],
    enabled: batchId !== undefined,
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/corpus/imports/{batchId}', {
          params: { path: { batchId: batchId as number }, query: { ...(status ? { status } : {}), page, pageSize } },
        }),
      ),
    refetchInterval: (query) => (query.state.data?.finishedAt ? false : POLL_MS),
  });
}
