import type { Kysely } from 'kysely';
import { ParseError } from '@xxgk/core';
import { compareReports, withYear, type CellDifference, type Finding, type ReadReport, type Report } from '@xxgk/core';
import type { Database } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { parseUpload } from '../../runtime/index.js';
import { assertRead, assertWrite, type Actor } from '../access.js';
import { getOrgan } from '../organs/repository.js';
import { findReport, latestImport } from '../reports/repository.js';
import { sourceView, type SourceView } from './document.js';
import { importView } from '../reports/imported.js';
import { contentHash, type ExistingImport } from './duplicate.js';
import { findImport, findImportByContent, listImports, type ImportSummaryRow } from './repository.js';

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
 * Saving (with hand corrections) is the report service's `importFile`; what was saved is listed
 * and reopened here, by whoever may read the organ's records.
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
      if (error instanceof ParseError) {
        // The reader's message starts with the file's name already: said once.
        const said = error.message.startsWith(`${fileName}：`)
          ? error.message.slice(fileName.length + 1)
          : error.message;
        throw new ParseError(error.code, `无法读取文件 ${fileName}：${said}`);
      }
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
}
