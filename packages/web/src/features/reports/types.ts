import type { CellDifference, Finding, Report } from '@xxgk/core';

/** What GET /api/organs/{organId}/reports/{year} returns (packages/server/src/features/reports/service.ts). */
export type ReportStatus = 'notStarted' | 'draft' | 'published';

export interface ReportState {
  readonly organId: number;
  readonly year: number;
  readonly status: ReportStatus;
  /** 0 before the first compilation; sent back with every change. */
  readonly version: number;
  readonly report: Report | null;
  readonly findings: readonly Finding[];
  /** Which records each cell was counted from. */
  readonly compiledAt: string | null;
  readonly publishedOn: string | null;
  readonly late: boolean;
  readonly publication: { readonly id: number; readonly publishedOn: string; readonly publishedAt: string } | null;
  readonly imported: {
    readonly id: number;
    readonly fileName: string;
    readonly importedAt: string;
    readonly findings: readonly Finding[];
    /** `a` is the compiled report, `b` the imported one. */
    readonly differences: readonly CellDifference[];
  } | null;
}

export type Sections = Report['sections'];
