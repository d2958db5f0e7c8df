import type { CellDifference, Finding, Report, Source } from '@xxgk/core';

/** A line of the file's extracted text; `line` and `page` count from 1. */
export interface SourceLine {
  readonly kind: 'line';
  readonly text: string;
  readonly line?: number;
  readonly page?: number;
}

/** A table of the file (PDF, Word, web page) with the cells the reader took numbers from. */
export interface SourceTable {
  readonly kind: 'table';
  readonly table: number;
  readonly page?: number;
  readonly cells: readonly { readonly text: string; readonly row: number; readonly column: number }[];
}

/** The extracted source (server: features/imports/document.ts). */
export interface SourceView {
  readonly kind: 'text' | 'html' | 'docx' | 'doc' | 'pdf';
  readonly complete: boolean;
  readonly nodes: readonly (SourceLine | SourceTable)[];
}

export interface ImportComparison {
  readonly year: number;
  readonly against: 'compiled' | 'imported';
  readonly status: string;
  readonly differences: readonly CellDifference[];
}

/** POST /api/organs/{organId}/parse (server: features/imports/service.ts `parse`). */
export interface ParsedFile {
  readonly fileName: string;
  readonly year: number | null;
  readonly report: Report;
  readonly findings: readonly Finding[];
  readonly provenance: Readonly<Record<string, Source>>;
  readonly document: SourceView;
  readonly comparison: ImportComparison | null;
}

/** A misread cell corrected by hand. */
export interface Correction {
  readonly cellId: string;
  readonly value: number | null;
  readonly reason: string;
}

/** POST /api/organs/{organId}/imports (server: reports service `importFile`). */
export interface SavedImport {
  readonly id: number;
  readonly year: number;
  readonly findings: readonly Finding[];
  readonly corrections: readonly (Correction & {
    from: number | null;
    to: number | null;
    byName: string;
    at: string;
  })[];
}

/** One file of a batch as the page tracks it. */
export type FileEntry =
  | { readonly uid: string; readonly file: File; readonly state: 'waiting' | 'reading' }
  | { readonly uid: string; readonly file: File; readonly state: 'failed'; readonly error: string }
  | { readonly uid: string; readonly file: File; readonly state: 'read'; readonly parsed: ParsedFile };
