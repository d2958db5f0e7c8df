/** Shapes of the register endpoints, as packages/server/src/features/registers/service.ts returns them. */

export type DocumentKind = 'regulation' | 'normativeDoc';

export interface RegisterDocument {
  readonly id: number;
  readonly organId: number;
  readonly kind: DocumentKind;
  readonly number: string | null;
  readonly title: string;
  readonly issuedOn: string;
  readonly repealedOn: string | null;
}

export interface DocumentInput {
  readonly kind: DocumentKind;
  readonly number?: string;
  readonly title: string;
  readonly issuedOn: string;
  readonly repealedOn?: string;
}

export type ReviewKind = 'review' | 'suit' | 'suitAfterReview';
export type ReviewResult = 'upheld' | 'corrected' | 'other';

export interface ReviewCase {
  readonly id: number;
  readonly kind: ReviewKind;
  readonly caseNo: string;
  readonly applicationId: number | null;
  readonly applicationSerialNo: string | null;
  readonly filedOn: string;
  readonly concludedOn: string | null;
  readonly result: ReviewResult | null;
  readonly note: string | null;
}

export interface ReviewInput {
  readonly kind: ReviewKind;
  readonly caseNo: string;
  readonly applicationId?: number | null;
  readonly filedOn: string;
  readonly concludedOn?: string;
  readonly result?: ReviewResult;
  readonly note?: string | null;
}

export interface YearFigures {
  readonly year: number;
  readonly format: '2019' | '2021' | undefined | null;
  /** The figure cells the year's format takes, in table order. */
  readonly cells: readonly string[];
  readonly figures: Readonly<Record<string, number | null>>;
  /** 0 before the first save. */
  readonly version: number;
}

export interface CsvRowError {
  readonly line: number;
  readonly field?: string;
  readonly message: string;
}

export interface CsvImportResult {
  readonly rows: readonly { readonly line: number; readonly value: Readonly<Record<string, unknown>> }[];
  readonly errors: readonly CsvRowError[];
  /** Rows saved: 0 for a preview or when any row has an error. */
  readonly saved: number;
}
