import {
  compareReports,
  compileReport,
  feeSentence,
  feeSummary,
  type ApplicantKind,
  type CellDifference,
  type Outcome,
  type Report,
  type ReportFormat,
} from '@xxgk/core';
import type { Db } from '../../db/schema.js';
import { recordsForYear } from './repository.js';

function isBlank(section: Report['sections']['otherMatters']): boolean {
  return section.paragraphs.length === 0 && section.subsections.every((sub) => sub.paragraphs.length === 0);
}

/** Who reports: the organ as the compiled report names it. */
export interface ReportingOrgan {
  readonly name: string;
  readonly region?: string | null;
}

/**
 * The report the organ's records give today, keeping the prose people wrote (`kept`); a section 六
 * nobody has written yet starts with the fee sentence. Used to compile, and to recompile in memory
 * to see whether a draft is still what the records say.
 */
export async function compileFromRecords(
  db: Db,
  organ: ReportingOrgan & { readonly id: number },
  year: number,
  format: ReportFormat,
  kept: Report['sections'] | undefined,
) {
  const records = await recordsForYear(db, organ.id, year);
  const fees = feeSummary(
    records.applications.map((a) => a.fee ?? undefined),
    year,
  );
  const otherMatters =
    kept && !isBlank(kept.otherMatters)
      ? kept.otherMatters
      : { paragraphs: [feeSentence(fees, year)], subsections: [] };
  return compileReport({
    agency: organ.name,
    ...(organ.region ? { region: organ.region } : {}),
    year,
    format,
    applications: records.applications.map((a) => ({
      id: a.serial_no,
      applicantKind: a.applicant_kind as ApplicantKind,
      receivedOn: a.received_on,
      ...(a.closed_on ? { closedOn: a.closed_on } : {}),
      ...(a.outcome ? { outcome: a.outcome as Outcome } : {}),
    })),
    documents: records.documents.map((d) => ({
      kind: d.kind as 'regulation' | 'normativeDoc',
      title: d.title,
      issuedOn: d.issued_on,
      ...(d.number ? { number: d.number } : {}),
      ...(d.repealed_on ? { repealedOn: d.repealed_on } : {}),
    })),
    figures: records.figures,
    reviews: records.reviews.map((r) => ({
      kind: r.kind as 'review' | 'suit' | 'suitAfterReview',
      caseNo: r.case_no,
      filedOn: r.filed_on,
      ...(r.concluded_on ? { concludedOn: r.concluded_on } : {}),
      ...(r.result ? { result: r.result as 'upheld' | 'corrected' | 'other' } : {}),
    })),
    sections: { ...(kept ?? {}), otherMatters },
  });
}

/**
 * The cells of a draft that the records no longer give: the draft's value, the records' value and
 * the cell's name as the report prints it. Empty when the draft is what the records say.
 */
export async function staleCells(
  db: Db,
  organ: ReportingOrgan & { readonly id: number },
  draft: Report,
): Promise<CellDifference[]> {
  if (draft.meta.format === 'unknown') return [];
  const fresh = await compileFromRecords(db, organ, draft.meta.year, draft.meta.format, draft.sections);
  return compareReports(draft, fresh.report);
}
