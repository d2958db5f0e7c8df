import type { ApplicantKind, Outcome } from '../cases/model.js';
import type { ReportFormat } from '../model/cells.js';
import type { Report } from '../model/schema.js';

/**
 * The records an organ keeps through the year, from which its annual report is compiled.
 * Dates are calendar days as ISO strings `YYYY-MM-DD` (see cases/model.ts): comparing two of
 * them as strings compares the days.
 */

/** One application for government information (依申请公开), as the case register holds it. */
export interface ApplicationRecord {
  /** The register's serial number; it names the application in drill-down and in errors. */
  id: string;
  /** The section 三 column the applicant belongs to. */
  applicantKind: ApplicantKind;
  /** The receipt day fixed by 条例第三十一条. */
  receivedOn: string;
  /** The day the application was concluded; absent while it is open. */
  closedOn?: string;
  /** How it was concluded; present exactly when `closedOn` is. */
  outcome?: Outcome;
}

/** A 规章 or 行政规范性文件 the organ issued, from its document register. */
export interface DocumentRecord {
  kind: 'regulation' | 'normativeDoc';
  /** 文号, e.g. 淮相应急〔2024〕3号. */
  number?: string;
  title: string;
  issuedOn: string;
  repealedOn?: string;
}

/** An administrative review (行政复议) or suit (行政诉讼) about the organ's disclosure work. */
export interface ReviewRecord {
  /** `suit`: 未经复议直接起诉; `suitAfterReview`: 复议后起诉. */
  kind: 'review' | 'suit' | 'suitAfterReview';
  /** 案号; names the case in drill-down and in errors when given. */
  caseNo?: string;
  filedOn: string;
  concludedOn?: string;
  /** 结果维持 / 结果纠正 / 其他结果; present exactly when `concludedOn` is. */
  result?: 'upheld' | 'corrected' | 'other';
}

/**
 * The cells of section 二 that no register yields (decisions, fees, 2019 item counts,
 * procurement), keyed by cell ID: e.g. `'s2.licensing.decisions': 12`, `'s2.fees.amount': 3.25`.
 * `figureCellIds(format)` lists the keys a format takes.
 */
export interface YearFigures {
  readonly [cellId: string]: number | null;
}

export interface CompileInput {
  /** The reporting organ's full name. */
  agency: string;
  region?: string;
  /** The year reported on. */
  year: number;
  /** The national format; by default the one the year calls for (`formatForYear`). */
  format?: ReportFormat;
  applications: readonly ApplicationRecord[];
  documents: readonly DocumentRecord[];
  figures: YearFigures;
  reviews: readonly ReviewRecord[];
  /** The prose sections written for the year; those not given are the blank template's. */
  sections?: Partial<Report['sections']>;
}

/** Where a compiled cell's value came from, for drill-down. */
export type CellSource =
  /** Counted records: application IDs for section 三, case numbers (or `#n`) for section 四. */
  | { count: number; ids: string[] }
  /** Taken from `CompileInput.figures`. */
  | { figure: true }
  /** Counted documents, each named by its 文号, or by its title when it has none. */
  | { documents: string[] };

export interface CompiledReport {
  report: Report;
  /** By cell ID: which records each cell of the report came from. */
  sources: Record<string, CellSource>;
}
