import type { Json } from './columns.js';

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

/**
 * Migration 0017: the parts `corpus_region_cells` is added up from, for each year and prefecture
 * (a province's own organs under its two digits), and which current reports each part summed.
 */
export interface CorpusRegionCellPartsTable {
  year: number;
  /** The region code's first four digits (two for a province's own organs). */
  part: string;
  /** The fingerprint of the ids of the part's current reports when it was summed. */
  reports: string;
  /** Cell ID → the sum of those reports' values; only cells that are a number in some report. */
  cells: Json<Record<string, number>>;
}

/**
 * Migration 0018: what each summary group and each organ (with the organs merged into it) was
 * last refreshed from, so that a refresh rewrites only the parts whose current reports changed.
 */
export interface CorpusRefreshPartsTable {
  /** `summary` (part: region code|level|kind) or `organ` (part: the organ's id). */
  kind: string;
  year: number;
  part: string;
  /** The fingerprint of the part's current reports when it was refreshed. */
  reports: string;
}

/** The corpus analysis's tables, rewritten from the corpus's reports. */
export interface CorpusAnalysisTables {
  corpus_summaries: CorpusSummariesTable;
  corpus_rollups: CorpusRollupsTable;
  corpus_region_cells: CorpusRegionCellsTable;
  corpus_region_cell_parts: CorpusRegionCellPartsTable;
  corpus_refresh_parts: CorpusRefreshPartsTable;
  corpus_outliers: CorpusOutliersTable;
}
