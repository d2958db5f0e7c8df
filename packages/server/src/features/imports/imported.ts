import type { Finding, ParsedReport, Report } from '@xxgk/core';
import { badRequest } from '../../errors.js';
import type { ExistingImport } from '../imports/duplicate.js';

/**
 * The year a report read from a file is kept under: the one the person chose, else the one the
 * file states. A year the title or the period states cannot be overridden; one guessed from the
 * body can, and a file that states none needs the person's choice (`chosen`).
 */
export function yearOfImport(
  fileName: string,
  parsed: Pick<ParsedReport, 'report' | 'findings'>,
  year: number | undefined,
): { reportYear: number; chosen: boolean } {
  const stated = parsed.report.meta.year;
  const guessed = parsed.findings.some((f) => f.rule === 'year-from-body');
  if (year !== undefined && stated !== null && stated !== year && !guessed) {
    throw badRequest(`文件 ${fileName} 是${stated}年度的报告，不是${year}年度`);
  }
  const reportYear = year ?? stated;
  if (reportYear === null) throw badRequest(`文件 ${fileName} 中没有写明报告年度，请选择报告年度后再导入`);
  return { reportYear, chosen: stated === null || (guessed && stated !== reportYear) };
}

/** Said of a kept report whose year the file did not state (or only guessed) and a person chose. */
export function yearChosenFinding(year: number): Finding {
  return {
    rule: 'year-chosen',
    severity: 'info',
    message: `文件的标题中没有写明报告年度，${year}年度由导入人选择`,
    cells: [],
  };
}

/** An earlier import as a 409 answer and the audit name it. */
export function importView(row: {
  id: number;
  year: number;
  file_name: string;
  imported_at: Date | string;
}): ExistingImport {
  return {
    id: row.id,
    year: row.year,
    fileName: row.file_name,
    importedAt: new Date(row.imported_at).toISOString(),
  };
}

/** A cell of an imported report read wrongly and corrected by hand, with the reason. */
export interface ImportCorrection {
  readonly cellId: string;
  readonly value: number | null;
  readonly reason: string;
}

/**
 * Hand corrections of misread cells, checked against the report read: each kept in the saved
 * report's JSON with who, when and why.
 */
export function applyCorrections(
  read: Report,
  corrections: readonly ImportCorrection[],
  corrector: { readonly id: number; readonly name: string } | null,
) {
  const at = new Date().toISOString();
  return corrections.map((correction) => {
    if (!(correction.cellId in read.cells)) throw badRequest(`单元格 ${correction.cellId} 不在该报告的表格中`);
    if (correction.reason.trim() === '') throw badRequest(`请说明更正单元格 ${correction.cellId} 的理由`);
    return {
      cellId: correction.cellId,
      from: read.cells[correction.cellId] ?? null,
      to: correction.value,
      reason: correction.reason.trim(),
      by: corrector?.id ?? null,
      byName: corrector?.name ?? '',
      at,
    };
  });
}
