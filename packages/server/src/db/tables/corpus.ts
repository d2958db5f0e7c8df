import type { ColumnType, Generated } from 'kysely';
import type { Finding } from '@xxgk/core';
import type { Json, Timestamp } from './columns.js';

/** The national corpus (migration 0012); see the migration for what each table holds. */
export interface CorpusOrgansTable {
  id: Generated<number>;
  identity_key: string;
  name: string;
  region_code: string | null;
  level: string | null;
  kind: string;
  confidence: number;
  merged_into: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Timestamp;
}

export interface CorpusOrganNamesTable {
  name: string;
  organ_id: number;
  /** auto | manual */
  source: string;
  confidence: number;
  updated_at: Timestamp;
}

export interface CorpusBatchesTable {
  id: Generated<number>;
  label: string;
  started_by: number | null;
  started_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  total: Generated<number>;
}

export interface CorpusFilesTable {
  id: Generated<number>;
  sha256: string;
  batch_id: number | null;
  file_name: string;
  media_type: string;
  size: number;
  content: Uint8Array | null;
  /** read | failed | review */
  status: string;
  /** Why the file failed or needs review, in Chinese for the reader of the summary. */
  error: string | null;
  imported_at: Timestamp;
}

export interface CorpusReportsTable {
  id: Generated<string>;
  organ_id: number;
  year: number;
  version: number;
  current: boolean;
  file_id: number;
  /** The national format the file follows: '2019' | '2021'. */
  format: string;
  region_code: string | null;
  level: string | null;
  kind: string;
  /** Cell ID → value as read (null where the reader could not decide). */
  figures: Json<Record<string, number | null>>;
  findings: Json<Finding[]>;
  /** The ids of the rules the report breaks, for counting failures by rule without unpacking JSON. */
  failed_rules: string[];
  /** Cell ID → where in the file the value was read (page/line, how it was placed). */
  sources: Json<Record<string, unknown>>;
  /** Organ name and year as the file gives them, title, publication date. */
  meta: Json<Record<string, unknown>>;
  imported_at: Timestamp;
}

/** The national corpus of published reports and the files they were read from. */
export interface CorpusTables {
  corpus_organs: CorpusOrgansTable;
  corpus_organ_names: CorpusOrganNamesTable;
  corpus_batches: CorpusBatchesTable;
  corpus_files: CorpusFilesTable;
  corpus_reports: CorpusReportsTable;
}
