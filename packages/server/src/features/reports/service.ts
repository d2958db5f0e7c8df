import type { Kysely } from 'kysely';
import {
  checkReport,
  compareReports,
  compileReport,
  countBySeverity,
  formatForYear,
  renderDocx,
  renderHtml,
  renderPdf,
  type ApplicantKind,
  type CaseState,
  type Finding,
  type Outcome,
  type Report,
  type Role,
} from '@xxgk/core';
import { json, type Database } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { badRequest, conflict, notFound, unprocessable } from '../../http/errors.js';
import { loadFonts, parseUpload } from '../../runtime/index.js';
import { assertRead, assertWrite, type Actor } from '../access.js';
import { appendAudit } from '../audit/repository.js';
import { getOrgan } from '../organs/repository.js';
import { cellSource, findReport, latestImport, latestPublication, recordsForYear } from './repository.js';

const REPORT_EDITORS: readonly Role[] = ['officer', 'reviewer', 'organAdmin'];

/** 条例第四十九条: a department publishes its report on the year by 31 January of the next. */
export function publicationDeadline(year: number): string {
  return `${year + 1}-01-31`;
}

/** Whose report an audit entry is about: an organ's report of a year. */
function reportEntry(actor: Actor, organId: number, year: number) {
  return { actorId: actor.id, organId, entity: 'report', entityId: `${organId}/${year}` };
}

/** Section 六 of the 2021 format reports the fee notices of the year and the amount collected. */
export interface FeeSummary {
  readonly notices: number;
  readonly amount: number;
  readonly collected: number;
}

export function feeSummary(feeNotices: readonly CaseState['fee'][], year: number): FeeSummary {
  let notices = 0;
  let amount = 0;
  let collected = 0;
  for (const fee of feeNotices) {
    if (!fee || !fee.noticeOn.startsWith(`${year}-`)) continue;
    notices += 1;
    amount += fee.amount;
    if (fee.paidOn) collected += fee.amount;
  }
  return { notices, amount, collected };
}

/** The sentence on fees that section 六 needs, written from the records. */
export function feeSentence(fees: FeeSummary, year: number): string {
  if (fees.notices === 0) return `${year}年度本机关未发出信息处理费收费通知，未收取信息处理费。`;
  return `${year}年度本机关发出信息处理费收费通知${fees.notices}件，金额共计${fees.amount}元，实际收取${fees.collected}元。`;
}

function isBlank(section: Report['sections']['otherMatters']): boolean {
  return section.paragraphs.length === 0 && section.subsections.every((sub) => sub.paragraphs.length === 0);
}

/** A cell of an imported report read wrongly and corrected by hand, with the reason. */
export interface ImportCorrection {
  readonly cellId: string;
  readonly value: number | null;
  readonly reason: string;
}

/** 未开始 / 草稿 / 已发布: where an organ's report of a year stands. */
export const REPORT_STATUSES = ['notStarted', 'draft', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * The annual report from records: compiled from the organ's applications and registers, prose
 * written by people, checked by every rule of the core (last year's report for the cross-year
 * ones), published by a reviewer only when no rule finds an error, frozen with its DOCX, PDF and
 * HTML. A report published elsewhere and imported from its file sits beside it for comparison.
 */
export class ReportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly today: Clock,
  ) {}

  private async previous(organId: number, year: number): Promise<Report | undefined> {
    const row = await findReport(this.db, organId, year - 1);
    if (row) return row.report as Report;
    const imported = await latestImport(this.db, organId, year - 1);
    return imported?.report as Report | undefined;
  }

  private async check(organId: number, year: number, report: Report): Promise<Finding[]> {
    const previous = await this.previous(organId, year);
    return checkReport({ report, ...(previous ? { previous } : {}) });
  }

  async compile(actor: Actor, organId: number, year: number) {
    const organ = await getOrgan(this.db, organId);
    assertWrite(actor, organ, '年度报告', REPORT_EDITORS);
    const format = formatForYear(year);
    if (!format) throw badRequest(`${year}年不适用全国统一的年度报告格式（2019年起）`);
    const records = await recordsForYear(this.db, organId, year);
    const existing = await findReport(this.db, organId, year);
    const fees = feeSummary(
      records.applications.map((a) => a.fee ?? undefined),
      year,
    );
    // Written prose is kept; a section 六 nobody has written yet starts with the fee sentence.
    const kept = existing ? (existing.report as Report).sections : undefined;
    const otherMatters =
      kept && !isBlank(kept.otherMatters)
        ? kept.otherMatters
        : { paragraphs: [feeSentence(fees, year)], subsections: [] };
    const compiled = compileReport({
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
    const findings = await this.check(organId, year, compiled.report);
    await this.db.transaction().execute(async (trx) => {
      const current = await findReport(trx, organId, year, true);
      if (current) {
        await trx
          .updateTable('annual_reports')
          .set({
            status: 'draft',
            report: json(compiled.report),
            findings: json(findings),
            sources: json(compiled.sources),
            compiled_at: new Date(),
            updated_at: new Date(),
            version: current.version + 1,
          })
          .where('id', '=', current.id)
          .execute();
      } else {
        await trx
          .insertInto('annual_reports')
          .values({
            organ_id: organId,
            year,
            status: 'draft',
            report: json(compiled.report),
            findings: json(findings),
            sources: json(compiled.sources),
            compiled_at: new Date(),
          })
          .execute();
      }
      await appendAudit(trx, {
        ...reportEntry(actor, organId, year),
        action: 'compile',
        before: current ? { cells: (current.report as Report).cells, version: current.version } : undefined,
        after: { cells: compiled.report.cells, findings: countBySeverity(findings) },
      });
    });
    return this.get(actor, organId, year);
  }

  async get(actor: Actor, organId: number, year: number) {
    const organ = await getOrgan(this.db, organId);
    assertRead(actor, organ, '年度报告');
    const row = await findReport(this.db, organId, year);
    const imported = await latestImport(this.db, organId, year);
    const publication = row ? await latestPublication(this.db, row.id) : undefined;
    const report = row?.report as Report | undefined;
    return {
      organId,
      year,
      // The column holds 'draft' or 'published', written only by this service.
      status: (row?.status ?? 'notStarted') as ReportStatus,
      version: row?.version ?? 0,
      report: report ?? null,
      findings: (row?.findings as Finding[] | undefined) ?? [],
      compiledAt: row?.compiled_at ?? null,
      publishedOn: row?.published_on ?? null,
      late: row?.late ?? false,
      publication: publication
        ? { id: publication.id, publishedOn: publication.published_on, publishedAt: publication.published_at }
        : null,
      imported: imported
        ? {
            id: imported.id,
            fileName: imported.file_name,
            importedAt: imported.imported_at,
            findings: imported.findings as Finding[],
            differences: report ? compareReports(report, imported.report as Report) : [],
          }
        : null,
    };
  }

  /** Which records one compiled cell was counted from (the case serial numbers, documents or case numbers). */
  async cellSource(actor: Actor, organId: number, year: number, cellId: string) {
    assertRead(actor, await getOrgan(this.db, organId), '年度报告');
    const source = await cellSource(this.db, organId, year, cellId);
    if (source === null) throw notFound(`单元格 ${cellId} 的来源`);
    return { cellId, source };
  }

  /** Replaces the prose sections (一、五、六 …) written by people; the tables stay compiled. */
  async updateSections(actor: Actor, organId: number, year: number, version: number, sections: Report['sections']) {
    assertWrite(actor, await getOrgan(this.db, organId), '年度报告', REPORT_EDITORS);
    const row = await findReport(this.db, organId, year);
    if (!row) throw notFound('年度报告草稿');
    const report = { ...(row.report as Report), sections };
    // Checked before the transaction: PGlite has one connection, which the transaction holds.
    const findings = await this.check(organId, year, report);
    await this.db.transaction().execute(async (trx) => {
      const current = await findReport(trx, organId, year, true);
      if (!current || current.version !== version) throw conflict('年度报告已被他人修改，请刷新后重试');
      await trx
        .updateTable('annual_reports')
        .set({
          report: json(report),
          findings: json(findings),
          status: 'draft',
          version: version + 1,
          updated_at: new Date(),
        })
        .where('id', '=', current.id)
        .execute();
      await appendAudit(trx, {
        ...reportEntry(actor, organId, year),
        action: 'editSections',
        before: (current.report as Report).sections,
        after: sections,
      });
    });
    return this.get(actor, organId, year);
  }

  /** A reviewer publishes the draft when no rule finds an error; the version is frozen with its files. */
  async publish(actor: Actor, organId: number, year: number, version: number) {
    const organ = await getOrgan(this.db, organId);
    assertWrite(actor, organ, '年度报告', ['reviewer']);
    const publishedOn = this.today();
    const row = await findReport(this.db, organId, year);
    if (!row) throw notFound('年度报告草稿');
    if (row.version !== version) throw conflict('年度报告已被他人修改，请刷新后重试');
    const report: Report = { ...(row.report as Report), meta: { ...(row.report as Report).meta, publishedOn } };
    const findings = await this.check(organId, year, report);
    const errors = findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      throw unprocessable(
        'report-has-errors',
        `年度报告还有 ${errors.length} 处错误，须改正后才能发布：${errors[0]?.message}`,
      );
    }
    const [docx, pdf] = await Promise.all([renderDocx(report), loadFonts().then((fonts) => renderPdf(report, fonts))]);
    const html = renderHtml(report);
    const late = publishedOn > publicationDeadline(year);
    await this.db.transaction().execute(async (trx) => {
      const current = await findReport(trx, organId, year, true);
      if (!current || current.version !== version) throw conflict('年度报告已被他人修改，请刷新后重试');
      await trx
        .updateTable('annual_reports')
        .set({
          status: 'published',
          report: json(report),
          findings: json(findings),
          published_on: publishedOn,
          late,
          version: version + 1,
          updated_at: new Date(),
        })
        .where('id', '=', current.id)
        .execute();
      await trx
        .insertInto('report_publications')
        .values({
          report_id: current.id,
          report: json(report),
          findings: json(findings),
          docx,
          pdf,
          html,
          published_on: publishedOn,
          published_by: actor.id,
        })
        .execute();
      await appendAudit(trx, {
        ...reportEntry(actor, organId, year),
        action: 'publish',
        before: { status: current.status, version },
        after: { status: 'published', publishedOn, late, version: version + 1 },
      });
    });
    return this.get(actor, organId, year);
  }

  /** The files of the latest publication; published reports are public, so no login is needed. */
  async publishedFile(organId: number, year: number, kind: 'docx' | 'pdf' | 'html') {
    const row = await findReport(this.db, organId, year);
    const publication = row ? await latestPublication(this.db, row.id) : undefined;
    if (!publication) throw notFound('已发布的年度报告');
    const organ = await getOrgan(this.db, organId);
    const name = `${organ.name}${year}年政府信息公开工作年度报告.${kind}`;
    const body = kind === 'html' ? new TextEncoder().encode(publication.html) : publication[kind];
    return { name, body };
  }

  /** Reads a report published as a file (any format the parser reads) and keeps it beside the compiled one. */
  /**
   * `actor` null is the system itself (the demo loader); `year` undefined takes the year the file
   * states. Routes always pass the person and the year.
   */
  async importFile(
    actor: Actor | null,
    organId: number,
    year: number | undefined,
    fileName: string,
    bytes: Uint8Array,
    corrections: readonly ImportCorrection[] = [],
  ) {
    const organ = await getOrgan(this.db, organId);
    if (actor) assertWrite(actor, organ, '年度报告', REPORT_EDITORS);
    const corrector = actor;
    if (corrections.length > 0 && !corrector) throw badRequest('人工更正须由登录的人员作出');
    if (bytes.length === 0) throw badRequest(`文件 ${fileName} 是空的`);
    let parsed;
    try {
      parsed = await parseUpload(bytes, fileName);
    } catch (error) {
      if (error instanceof Error && error.name === 'ParseError')
        throw unprocessable('unreadable-report', error.message);
      throw error;
    }
    const stated = parsed.report.meta.year;
    if (year !== undefined && stated && stated !== year) {
      throw badRequest(`文件 ${fileName} 是${stated}年度的报告，不是${year}年度`);
    }
    const reportYear = year ?? stated;
    if (!reportYear) throw badRequest(`无法从文件 ${fileName} 中读出报告年度`);
    // Hand corrections of misread cells: each kept in the saved report's JSON with who, when and why.
    const at = new Date().toISOString();
    const applied = corrections.map((correction) => {
      if (!(correction.cellId in parsed.report.cells))
        throw badRequest(`单元格 ${correction.cellId} 不在该报告的表格中`);
      if (correction.reason.trim() === '') throw badRequest(`请说明更正单元格 ${correction.cellId} 的理由`);
      return {
        cellId: correction.cellId,
        from: parsed.report.cells[correction.cellId] ?? null,
        to: correction.value,
        reason: correction.reason.trim(),
        by: corrector?.id ?? null,
        byName: corrector?.name ?? '',
        at,
      };
    });
    const cells = { ...parsed.report.cells };
    for (const c of applied) cells[c.cellId] = c.to;
    const report = applied.length ? { ...parsed.report, cells, corrections: applied } : parsed.report;
    const findings = applied.length ? checkReport({ report: { ...parsed.report, cells } }) : parsed.findings;
    const row = await this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('imported_reports')
        .values({
          organ_id: organId,
          year: reportYear,
          file_name: fileName,
          report: json(report),
          findings: json(findings),
          imported_by: actor?.id ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, {
        actorId: actor?.id ?? null,
        organId,
        entity: 'importedReport',
        entityId: inserted.id,
        action: 'import',
        after: { fileName, year: reportYear, findings: countBySeverity(findings) },
      });
      for (const c of applied) {
        await appendAudit(trx, {
          actorId: c.by,
          organId,
          entity: 'importedReport',
          entityId: inserted.id,
          action: 'correctCell',
          before: { cellId: c.cellId, value: c.from },
          after: { cellId: c.cellId, value: c.to, reason: c.reason },
        });
      }
      return inserted;
    });
    return { id: row.id, year: reportYear, report, findings, corrections: applied };
  }
}
