import type { components, paths } from '../../api/schema.js';

/* The import page's data as the API describes it (generated from the server's routes: npm run api:types). */
type Schemas = components['schemas'];

/** A line of the file's extracted text; `line` and `page` count from 1. */
export type SourceLine = Schemas['SourceViewLine'];

/** A table of the file (PDF, Word, web page) with the cells the reader took numbers from. */
export type SourceTable = Schemas['SourceViewTable'];

/** The extracted source (server: features/imports/document.ts). */
export type SourceView = Schemas['SourceView'];

export type ImportComparison = Schemas['ImportComparison'];

/** POST /api/organs/{organId}/parse: a file read but not saved. */
export type ParsedFile = Schemas['ParsedFile'];

type SaveRequest = paths['/api/organs/{organId}/imports']['post']['requestBody']['content']['application/json'];

/** A misread cell corrected by hand, as it is sent with 保存. */
export type Correction = NonNullable<SaveRequest['corrections']>[number];

/** POST /api/organs/{organId}/imports: what was saved, with the corrections as kept. */
export type SavedImport = Schemas['ReportImport'];

/** A kept correction: the value read, the value given, why, by whom and when. */
export type CellCorrection = Schemas['CellCorrection'];

/** One row of GET /api/organs/{organId}/imports. */
export type ImportedReportSummary = Schemas['ImportedReportSummary'];

/** GET /api/imports/{id}: a saved import with its report, findings and corrections. */
export type ImportedReport = Schemas['ImportedReport'];

/** One file of a batch as the page tracks it. */
export type FileEntry =
  | { readonly uid: string; readonly file: File; readonly state: 'waiting' | 'reading' }
  | { readonly uid: string; readonly file: File; readonly state: 'failed'; readonly error: string }
  | { readonly uid: string; readonly file: File; readonly state: 'read'; readonly parsed: ParsedFile };

/** What to do with a file imported before: replace that import, or keep both. */
export type DuplicateChoice = NonNullable<SaveRequest['onDuplicate']>;

/** The organ's earlier import of a file with the same content. */
export type ExistingImport = Schemas['ExistingImport'];
