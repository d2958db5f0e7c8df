import type { Generated } from 'kysely';
import type { Json, Timestamp } from './columns.js';

export interface DocumentsTable {
  id: Generated<number>;
  organ_id: number;
  kind: string;
  number: string | null;
  title: string;
  issued_on: string;
  repealed_on: string | null;
  created_at: Timestamp;
}

export interface YearFiguresTable {
  organ_id: number;
  year: number;
  figures: Json<Record<string, number | null>>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface ReviewCasesTable {
  id: Generated<number>;
  organ_id: number;
  kind: string;
  case_no: string;
  application_id: number | null;
  filed_on: string;
  concluded_on: string | null;
  result: string | null;
  note: string | null;
  created_at: Timestamp;
}

/** The registers: documents, the year's figures no record holds, 行政复议 and 行政诉讼 cases. */
export interface RegisterTables {
  documents: DocumentsTable;
  year_figures: YearFiguresTable;
  review_cases: ReviewCasesTable;
}
