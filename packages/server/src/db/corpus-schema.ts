import type { ColumnType, Generated } from 'kysely';
import type { Finding } from '@xxgk/core';
import type { Json, Timestamp } from './schema.js';

/* The national corpus's tables (migrations 0012-0016), typed as the migrations leave them. */

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

/**
 * Migration 0013: for each year, place, level and kind, the sums of core's measures (a column
 * each, named by the measure's key: queried by name in the corpus analysis's repository) and the
 * reports breaking each rule.
 */
export interface CorpusSummariesTable {
  year: number;
  /** '' where the organ's name gave no place. */
  region_code: string;
  /** '' where the organ's name gave no level. */
  level: string;
  kind: string;
  reports: number;
  /** Rule id → how many of the group's reports break it. */
  rules: Json<Record<string, number>>;
}

/** Migration 0014: the corpus's outliers, rewritten with the summary (see the migration). */
export interface CorpusOutliersTable {
  /** jump | impossible | carryover */
  type: string;
  year: number;
  report_id: string;
  previous_id: string | null;
  organ_id: number;
  region_code: string | null;
  level: string | null;
  kind: string;
  failed_rules: string[];
  details: Json<Record<string, number | null>>;
  /** A jump's larger year of new applications, the list's order; null for the other kinds. */
  magnitude: number | null;
}

/**
 * Migration 0015: the summary rolled up to provinces (year × province × level × kind), the same
 * measure columns and `rules`; what the dashboard adds up when it needs no finer place.
 */
export interface CorpusRollupsTable {
  year: number;
  /** The first two digits of the region code; '' where the organ's name gave no place. */
  province: string;
  level: string;
  kind: string;
  reports: number;
  rules: Json<Record<string, number>>;
}

/**
 * Migration 0016: for each year and province or prefecture (the region code's first two or four
 * digits), the sums of its current reports' cells; what a government's 汇总 of everything within
 * it reads.
 */
export interface CorpusRegionCellsTable {
  year: number;
  region: string;
  /** Cell ID → the sum of the reports' values; only cells that are a number in some report. */
  cells: Json<Record<string, number>>;
}

/** The corpus's tables, part of `Database`. */
export interface CorpusTables {
  corpus_organs: CorpusOrgansTable;
  corpus_organ_names: CorpusOrganNamesTable;
  corpus_batches: CorpusBatchesTable;
  corpus_files: CorpusFilesTable;
  corpus_reports: CorpusReportsTable;
  corpus_summaries: CorpusSummariesTable;
  corpus_rollups: CorpusRollupsTable;
  corpus_region_cells: CorpusRegionCellsTable;
  corpus_outliers: CorpusOutliersTable;
}
