import type { Kysely } from 'kysely';
import {
  checkReport,
  compareReports,
  countBySeverity,
  ParseError,
  withYear,
  type CellDifference,
  type Finding,
  type ReadReport,
  type Report,
} from '@xxgk/core';
import type { Database } from '../../db/schema.js';
import { badRequest, notFound } from '../../errors.js';
import { parseUpload } from '@xxgk/node';
import { assertRead, assertWrite, type Actor } from '../access.js';
import { getOrgan } from '../organs/repository.js';
import { findReport } from '../reports/repository.js';
import { sourceView, type SourceView } from './document.js';
import { applyCorrections, importView, yearChosenFinding, yearOfImport, type ImportCorrection } from './imported.js';
import { contentHash, DuplicateImportError, type DuplicateChoice, type ExistingImport } from './duplicate.js';
import {
  findImport,
  findImportByContent,
  latestImport,
  listImports,
  saveImport,
  type ImportSummaryRow,
} from './repository.js';
import { appendAudit } from '../audit/repository.js';

/** The reports a freshly read file is set beside: the organ's own for the year, or last year's. */
export interface ImportComparison {
  readonly year: number;
  readonly against: 'compiled' | 'imported';
  readonly status: string;
  readonly differences: readonly CellDifference[];
}

export interface ParsedFile {
  readonly fileName: string;
  readonly year: number | null;
  readonly report: ReadReport;
  readonly findings: readonly Finding[];
  readonly alreadyImported: ExistingImport | null;
  readonly provenance: NonNullable<Report['provenance']>;
  readonly document: SourceView;
  readonly comparison: ImportComparison | null;
}

const IMPORTERS = ['officer', 'reviewer', 'organAdmin'] as const;

/** The list's filters as the route gives them. */
export interface ImportListRequest {
  readonly year?: number;
  /** Part of the file name. */
  readonly q?: string;
  readonly page: number;
  readonly pageSize: number;
}

/** A saved import as the list shows it. */
function summaryView(row: ImportSummaryRow) {
  return {
    id: row.id,
    year: row.year,
    fileName: row.file_name,
    importedAt: new Date(row.imported_at).toISOString(),
    importedByName: row.imported_by_name,
    errorCount: row.error_count,
    warningCount: row.warning_count,
    correctionCount: row.correction_count,
  };
}

/**
 * Reading a published report's file for a person to check before it is kept: the tables read,
 * where each number came from, the findings, and how it differs from the organ's own report.
 * Saving it (with hand corrections) is `importFile`, which both upload endpoints call; what was
 * saved is listed and reopened here, by whoever may read the organ's records.
 */
export class ImportService {
  constructor(private readonly db: Kysely<Database>) {}

  async parse(actor: Actor, organId: number, fileName: string, bytes: Uint8Array): Promise<ParsedFile> {
    const organ = await getOrgan(this.db, organId);
    assertWrite(actor, organ, '年度报告', IMPORTERS);
    let parsed;
    try {
      parsed = await parseUpload(bytes, fileName);
    } catch (error) {
      // The file named once, by this sentence rather than by the reader's.
      if (error instanceof ParseError) throw new ParseError(error.code, `无法读取文件 ${fileName}：${error.reason}`);
      throw error;
    }
    const year = parsed.report.meta.year;
    const earlier = await findImportByContent(this.db, organId, contentHash(bytes));
    return {
      fileName,
      year,
      report: parsed.report,
      findings: parsed.findings,
      alreadyImported: earlier ? importView(earlier) : null,
      provenance: parsed.report.provenance ?? {},
      document: sourceView(parsed),
      comparison: year === null ? null : await this.comparison(organId, year, withYear(parsed.report, year)),
    };
  }

  /** The organ's saved imports, newest first, a page at a time. */
  async list(actor: Actor, organId: number, request: ImportListRequest) {
    const organ = await getOrgan(this.db, organId);
    assertRead(actor, organ, '机关的导入报告');
    const { items, total } = await listImports(this.db, {
      organId,
      ...(request.year !== undefined ? { year: request.year } : {}),
      ...(request.q?.trim() ? { fileName: request.q.trim() } : {}),
      limit: request.pageSize,
      offset: (request.page - 1) * request.pageSize,
    });
    return { total, items: items.map(summaryView) };
  }

  /** One saved import with its report as kept, its findings and the hand corrections. */
  async get(actor: Actor, id: number) {
    const row = await findImport(this.db, id);
    if (!row) throw notFound('导入的报告');
    assertRead(actor, await getOrgan(this.db, row.organ_id), '导入的报告');
    return {
      ...summaryView(row),
      report: row.report,
      findings: row.findings,
      corrections: row.report.corrections ?? [],
    };
  }

  private async comparison(organId: number, year: number, report: Report): Promise<ImportComparison | null> {
    for (const y of [year, year - 1]) {
      const own = await findReport(this.db, organId, y);
      if (own) {
        return {
          year: y,
          against: 'compiled',
          status: own.status,
          differences: compareReports(report, own.report),
        };
      }
      const imported = await latestImport(this.db, organId, y);
      if (imported) {
        return {
          year: y,
          against: 'imported',
          status: 'imported',
          differences: compareReports(report, imported.report),
        };
      }
    }
    return null;
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
    onDuplicate?: DuplicateChoice,
  ) {
    const organ = await getOrgan(this.db, organId);
    if (actor) assertWrite(actor, organ, '年度报告', IMPORTERS);
    const corrector = actor;
    if (corrections.length > 0 && !corrector) throw badRequest('人工更正须由登录的人员作出');
    if (bytes.length === 0) throw badRequest(`文件 ${fileName} 是空的`);
    const sha256 = contentHash(bytes);
    const earlier = await findImportByContent(this.db, organId, sha256);
    if (earlier && !onDuplicate) throw new DuplicateImportError(fileName, importView(earlier));
    // A file that cannot be read is a ParseError, which the HTTP layer answers with a 422.
    const parsed = await parseUpload(bytes, fileName);
    const { reportYear, chosen } = yearOfImport(fileName, parsed, year);
    const read = withYear(parsed.report, reportYear);
    const applied = applyCorrections(read, corrections, corrector);
    const cells = { ...read.cells };
    for (const c of applied) cells[c.cellId] = c.to;
    const report = applied.length ? { ...read, cells, corrections: applied } : read;
    // A year a person chose, or corrected cells: the rules judge the report as it is kept.
    const findings =
      applied.length || chosen
        ? [...(chosen ? [yearChosenFinding(reportYear)] : []), ...checkReport({ report: { ...read, cells } })]
        : parsed.findings;
    const values = {
      organ_id: organId,
      year: reportYear,
      file_name: fileName,
      report,
      findings,
      imported_by: actor?.id ?? null,
      content_sha256: sha256,
    };
    const replaced = earlier && onDuplicate === 'replace' ? earlier : undefined;
    const row = await this.db.transaction().execute(async (trx) => {
      const inserted = await saveImport(trx, values, replaced?.id);
      await appendAudit(trx, {
        actorId: actor?.id ?? null,
        organId,
        entity: 'importedReport',
        entityId: inserted.id,
        action: replaced ? 'reimport' : 'import',
        ...(replaced ? { before: importView(replaced) } : {}),
        after: {
          fileName,
          year: reportYear,
          findings: countBySeverity(findings),
          ...(earlier ? { sameFileAs: earlier.id, onDuplicate } : {}),
        },
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
