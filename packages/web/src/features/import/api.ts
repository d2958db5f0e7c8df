import { api, ApiError, unwrap, upload } from '../../api/client.js';
import type { Correction, DuplicateChoice, ImportedReport, ParsedFile, SavedImport } from './types.js';

/** Reads a file on the server without saving it. */
export function parseFile(organId: number, file: File): Promise<ParsedFile> {
  return upload<ParsedFile>(
    `/api/organs/${organId}/parse?fileName=${encodeURIComponent(file.name)}`,
    file,
    'application/octet-stream',
  );
}

async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Saves the file as the organ's published report of `year`, with the hand corrections. */
export async function saveImport(
  organId: number,
  file: File,
  year: number,
  corrections: readonly Correction[],
  onDuplicate?: DuplicateChoice,
): Promise<SavedImport> {
  if (!Number.isInteger(year)) throw new ApiError(400, 'year', '请填写报告年度');
  const body = {
    fileName: file.name,
    year,
    content: await base64(file),
    corrections: [...corrections],
    ...(onDuplicate ? { onDuplicate } : {}),
  };
  return unwrap(api.POST('/api/organs/{organId}/imports', { params: { path: { organId } }, body }));
}

/** The filters and page of the list of saved imports. */
export interface SavedImportsQuery {
  readonly year?: number;
  readonly q?: string;
  readonly page: number;
  readonly pageSize: number;
}

/**
 * The query keys of the saved imports: every page of an organ's list under one prefix, so that a
 * save refreshes whichever page and filter is shown.
 */
export const savedImportKeys = {
  lists: (organId: number) => ['import', 'saved', organId] as const,
  list: (organId: number, query: SavedImportsQuery) => ['import', 'saved', organId, query] as const,
  detail: (id: number) => ['import', 'saved-detail', id] as const,
};

export function listSavedImports(organId: number, query: SavedImportsQuery) {
  return unwrap(api.GET('/api/organs/{organId}/imports', { params: { path: { organId }, query: { ...query } } }));
}

export function getSavedImport(id: number): Promise<ImportedReport> {
  return unwrap(api.GET('/api/imports/{id}', { params: { path: { id } } }));
}
