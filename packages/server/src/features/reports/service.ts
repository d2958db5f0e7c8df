import type { Kysely } from 'kysely';
import {
  cellName,
  checkReport,
  compareReports,
  countBySeverity,
  formatForYear,
  publicationDeadline,
  renderDocx,
  renderHtml,
  renderPdf,
  type Finding,
  type Report,
  type Role,
} from '@xxgk/core';
import type { Database, Db } from '../../db/schema.js';
import type { Clock } from '../../clock.js';
import { badRequest, conflict, notFound, unprocessable } from '../../errors.js';
import { loadFonts } from '@xxgk/node';
import { assertRead, assertWrite, type Actor } from '../access.js';
import { appendAudit } from '../audit/repository.js';
import { getOrgan } from '../organs/repository.js';
import { compileFromRecords, staleCells } from './compile.js';
import { reasonForEarlyPublication, refuseStale } from './publishing.js';
import { latestImport } from '../imports/repository.js';
import { applicationsBySerial } from '../applications/repository.js';
import {
  cellSource,
  findReport,
  insertPublication,
  insertReport,
  latestPublication,
  updateReport,
  type ReportChanges,
} from './repository.js';

type StoredReport = NonNullable<Awaited<ReturnType<typeof findReport>>>;

const REPORT_EDITORS: readonly Role[] = ['officer', 'reviewer', 'organAdmin'];

const PUBLISHED_READ_ONLY = '年度报告已发布，文字部分不能再修改；如需更正，请重新编制后再次审核发布';

/** Whose report an audit entry is about: an organ's report of a year. */
function reportEntry(actor: Actor, organId: number, year: number) {
  return { actorId: actor.id, organId, entity: 'report', entityId: `${organId}/${year}` };
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
    if (row) return row.report;
    const imported = await latestImport(this.db, organId, year - 1);
    return imported?.report;
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
    const thisYear = Number(this.today().slice(0, 4));
    if (year > thisYear) throw badRequest(`${year}年度尚未开始，不能编制该年度的年度报告（今年是${thisYear}年）`);
    const existing = await findReport(this.db, organId, year);
    // Written prose is kept when recompiling.
    const kept = existing ? existing.report.sections : undefined;
    const compiled = await compileFromRecords(this.db, organ, year, format, kept);
    const findings = await this.check(organId, year, compiled.report);
    await this.db.transaction().execute(async (trx) => {
      const current = await findReport(trx, organId, year, true);
      const { report, sources } = compiled;
      if (current) {
        const version = current.version + 1;
        await updateReport(trx, current.id, {
          status: 'draft',
          report,
          findings,
          sources,
          compiledAt: new Date(),
          version,
        });
      } else {
        await insertReport(trx, { organId, year, report, findings, sources });
      }
      await appendAudit(trx, {
        ...reportEntry(actor, organId, year),
        action: 'compile',
        before: current ? { cells: current.report.cells, version: current.version } : undefined,
        after: { cells: compiled.report.cells, findings: countBySeverity(findings) },
      });
    });
    return this.state(actor, organId, year, false);
  }

  async get(actor: Actor, organId: number, year: number) {
    return this.state(actor, organId, year, true);
  }

  /**
   * The report's state; `checkStale` recompiles a draft in memory to list the cells the records no
   * longer give (skipped right after compiling, when nothing can differ but a concurrent change).
   */
  private async state(actor: Actor, organId: number, year: number, checkStale: boolean) {
    const organ = await getOrgan(this.db, organId);
    assertRead(actor, organ, '年度报告');
    const row = await findReport(this.db, organId, year);
    const imported = await latestImport(this.db, organId, year);
    const publication = row ? await latestPublication(this.db, row.id) : undefined;
    const report = row?.report;
    // A published report is frozen; a draft is compared with what the records say now.
    const stale = checkStale && report && row?.status === 'draft' ? await staleCells(this.db, organ, report) : [];
    return {
      organId,
      year,
      // The column holds 'draft' or 'published', written only by this service.
      status: (row?.status ?? 'notStarted') as ReportStatus,
      version: row?.version ?? 0,
      report: report ?? null,
      findings: row?.findings ?? [],
      compiledAt: row?.compiled_at ?? null,
      publishedOn: row?.published_on ?? null,
      late: row?.late ?? false,
      today: this.today(),
      yearEnded: this.yearEnded(year),
      stale: stale.map(({ cellId, label, a, b }) => ({ cellId, label, from: a ?? null, to: b ?? null })),
      publication: publication
        ? { id: publication.id, publishedOn: publication.published_on, publishedAt: publication.published_at }
        : null,
      imported: imported
        ? {
            id: imported.id,
            fileName: imported.file_name,
            importedAt: imported.imported_at,
            findings: imported.findings,
            differences: report ? compareReports(report, imported.report) : [],
          }
        : null,
    };
  }

  /**
   * One change to a report as the person saw it: in a transaction, the row locked and its version
   * checked (a change by someone else in the meantime is refused), `change` says what to set and
   * what the audit records, `alongside` writes what goes with it; the version goes up by one.
   */
  private async saveVersion(
    actor: Actor,
    at: { organId: number; year: number; version: number },
    change: (current: StoredReport) => {
      changes: Omit<ReportChanges, 'version'>;
      audit: { action: string; before: unknown; after: unknown };
    },
    alongside?: (trx: Db, current: StoredReport) => Promise<void>,
  ): Promise<void> {
    const { organId, year, version } = at;
    await this.db.transaction().execute(async (trx) => {
      const current = await findReport(trx, organId, year, true);
      if (!current || current.version !== version) throw conflict('年度报告已被他人修改，请刷新后重试');
      const { changes, audit } = change(current);
      await updateReport(trx, current.id, { ...changes, version: version + 1 });
      await alongside?.(trx, current);
      await appendAudit(trx, { ...reportEntry(actor, organId, year), ...audit });
    });
  }

  /** Whether the year reported on is over, on the service's clock in China time. */
  private yearEnded(year: number): boolean {
    return this.today() > `${year}-12-31`;
  }

  /** Which records one compiled cell was counted from (the case serial numbers, documents or case numbers). */
  async cellSource(actor: Actor, organId: number, year: number, cellId: string) {
    assertRead(actor, await getOrgan(this.db, organId), '年度报告');
    const source = await cellSource(this.db, organId, year, cellId);
    if (source === null) throw notFound(`单元格“${cellName(cellId)}”的来源`);
    // Section 三's numbers count applications: named by serial number, opened by id.
    const serials = cellId.startsWith('s3.') && 'ids' in source ? source.ids : [];
    const applications = (await applicationsBySerial(this.db, organId, serials)).map((row) => ({
      id: row.id,
      serialNo: row.serial_no,
      receivedOn: row.received_on,
      status: row.status,
    }));
    return { cellId, source, applications };
  }

  /** Replaces the prose sections (一、五、六 …) written by people; the tables stay compiled. */
  async updateSections(actor: Actor, organId: number, year: number, version: number, sections: Report['sections']) {
    assertWrite(actor, await getOrgan(this.db, organId), '年度报告', REPORT_EDITORS);
    const row = await findReport(this.db, organId, year);
    if (!row) throw notFound('年度报告草稿');
    if (row.status === 'published') throw conflict(PUBLISHED_READ_ONLY);
    const report = { ...row.report, sections };
    // Checked before the transaction: PGlite has one connection, which the transaction holds.
    const findings = await this.check(organId, year, report);
    await this.saveVersion(actor, { organId, year, version }, (current) => {
      if (current.status === 'published') throw conflict(PUBLISHED_READ_ONLY);
      return {
        changes: { report, findings, status: 'draft' },
        audit: { action: 'editSections', before: current.report.sections, after: sections },
      };
    });
    return this.get(actor, organId, year);
  }

  /**
   * A reviewer publishes the draft when no rule finds an error, the year is over (or a reason is
   * given for publishing earlier) and the draft still says what the records say; the version is
   * frozen with its files.
   */
  async publish(actor: Actor, organId: number, year: number, version: number, reason?: string) {
    const organ = await getOrgan(this.db, organId);
    assertWrite(actor, organ, '年度报告', ['reviewer']);
    const publishedOn = this.today();
    const row = await findReport(this.db, organId, year);
    if (!row) throw notFound('年度报告草稿');
    if (row.version !== version) throw conflict('年度报告已被他人修改，请刷新后重试');
    if (row.status === 'published') throw conflict(`${year}年度报告已发布`);
    const early = !this.yearEnded(year);
    const earlyReason = reasonForEarlyPublication(year, early, reason);
    refuseStale(await staleCells(this.db, organ, row.report));
    const report: Report = { ...row.report, meta: { ...row.report.meta, publishedOn } };
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
    await this.saveVersion(
      actor,
      { organId, year, version },
      (current) => ({
        changes: { status: 'published', report, findings, publishedOn, late },
        audit: {
          action: 'publish',
          before: { status: current.status, version },
          after: {
            status: 'published',
            publishedOn,
            late,
            version: version + 1,
            ...(early ? { beforeYearEnd: true, reason: earlyReason } : {}),
          },
        },
      }),
      (trx, current) =>
        insertPublication(trx, {
          reportId: current.id,
          report,
          findings,
          docx,
          pdf,
          html,
          publishedOn,
          publishedBy: actor.id,
        }),
    );
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
}
