import type { ColumnType, Generated } from 'kysely';
import type { CellSource, Finding, Report } from '@xxgk/core';
import type { Json, Timestamp } from './columns.js';

export interface AnnualReportsTable {
  id: Generated<number>;
  organ_id: number;
  year: number;
  status: string;
  report: Json<Report>;
  findings: Json<Finding[]>;
  sources: Json<Record<string, CellSource>>;
  compiled_at: Timestamp | null;
  version: Generated<number>;
  updated_at: Timestamp;
  published_on: string | null;
  late: Generated<boolean>;
}

export interface ReportPublicationsTable {
  id: Generated<number>;
  report_id: number;
  report: Json<Report>;
  findings: Json<Finding[]>;
  docx: Uint8Array;
  pdf: Uint8Array;
  html: string;
  published_on: string;
  published_by: number | null;
  published_at: Timestamp;
}

/** A cell corrected by hand when an imported report was saved, as its `report` column lists it. */
export interface CorrectionColumn {
  cellId: string;
  from: number | null;
  to: number | null;
  reason: string;
  by: number | null;
  byName: string;
  at: string;
}

export interface ImportedReportsTable {
  id: Generated<number>;
  organ_id: number;
  year: number;
  file_name: string;
  /** The file's report, with the corrections applied and listed. */
  report: Json<Report & { corrections?: CorrectionColumn[] }>;
  findings: Json<Finding[]>;
  imported_by: number | null;
  imported_at: Timestamp;
  /** SHA-256 of the file's bytes (hex); null for imports saved before it was kept. */
  content_sha256: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Annual reports: compiled, published, and imported from files. */
export interface ReportTables {
  annual_reports: AnnualReportsTable;
  report_publications: ReportPublicationsTable;
  imported_reports: ImportedReportsTable;
}
