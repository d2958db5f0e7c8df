import type { Finding, Report } from '@xxgk/core';

export type SupervisionStatus = 'notStarted' | 'draft' | 'published' | 'late';

/** GET /api/supervision/{year} (server: features/supervision/service.ts). */
export interface SupervisionOrgan {
  readonly organId: number;
  readonly organName: string;
  readonly parentId: number | null;
  readonly status: SupervisionStatus;
  readonly reportStatus: 'notStarted' | 'draft' | 'published';
  readonly publishedOn: string | null;
  readonly findings: { readonly error: number; readonly warning: number; readonly info: number };
  readonly applications: { readonly received: number; readonly open: number };
}

export interface SupervisionYear {
  readonly year: number;
  readonly deadline: string;
  readonly today: string;
  readonly totals: Record<SupervisionStatus, number>;
  readonly organs: readonly SupervisionOrgan[];
}

/** GET /api/supervision/{year}/statistics (server: features/statistics/service.ts). */
export interface YearFigures {
  readonly year: number;
  readonly received: number;
  readonly concluded: number;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly applicantKinds: Readonly<Record<string, number>>;
}

export interface Statistics {
  readonly year: number;
  readonly years: readonly number[];
  readonly outcomeLabels: readonly { readonly key: string; readonly label: string }[];
  readonly applicantKindLabels: readonly { readonly key: string; readonly label: string }[];
  readonly total: readonly YearFigures[];
  readonly organs: readonly {
    readonly organId: number;
    readonly organName: string;
    readonly years: readonly YearFigures[];
  }[];
}

/** GET /api/organs/{organId}/reports/{year} (server: reports service `get`), the parts shown read-only. */
export interface OrganReport {
  readonly organId: number;
  readonly year: number;
  readonly status: 'notStarted' | 'draft' | 'published';
  readonly report: Report | null;
  readonly findings: readonly Finding[];
  readonly publishedOn: string | null;
  readonly late: boolean;
}
