import { z } from '@hono/zod-openapi';
import { ReportMetaSchema, SourceSchema } from '@xxgk/core';
import { ExistingImportSchema } from './duplicate.js';
import { CellCorrectionSchema, CellDifferenceSchema, FindingSchema, ReportSchema } from '../reports/schemas.js';

/*
 * What the import routes answer with, as ImportService builds it. The report, its findings and its
 * corrections are the annual-report routes' schemas, so that both describe one `Report`.
 */

const timestamp = z.string().openapi({ format: 'date-time' });

/** `schema` or null; see reports/schemas.ts for why a union rather than `.nullable()`. */
const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

const SourceViewLineSchema = z
  .object({
    kind: z.literal('line'),
    text: z.string(),
    line: z.number().optional().openapi({ description: '行号，从 1 起' }),
    page: z.number().optional().openapi({ description: '页码，从 1 起' }),
  })
  .openapi('SourceViewLine');

const SourceViewTableSchema = z
  .object({
    kind: z.literal('table'),
    table: z.number().openapi({ description: '文件中的第几个表格，从 0 起' }),
    page: z.number().optional(),
    cells: z.array(z.object({ text: z.string(), row: z.number(), column: z.number() })).readonly(),
  })
  .openapi('SourceViewTable');

/** features/imports/document.ts `SourceView`: the file's lines and tables, which provenance points into. */
export const SourceViewSchema = z
  .object({
    kind: z.enum(['text', 'html', 'docx', 'doc', 'pdf']),
    complete: z.boolean(),
    nodes: z.array(z.discriminatedUnion('kind', [SourceViewLineSchema, SourceViewTableSchema])).readonly(),
  })
  .openapi('SourceView');

export const ImportComparisonSchema = z
  .object({
    year: z.number(),
    against: z.enum(['compiled', 'imported']).openapi({ description: '本机关编制的报告，或此前导入的报告' }),
    status: z.string(),
    differences: z.array(CellDifferenceSchema).readonly(),
  })
  .openapi('ImportComparison');

/** A report as read from a file: the year is null when the file states none. */
const ReadReportSchema = ReportSchema.extend({
  meta: ReportMetaSchema.extend({
    year: z.number().int().nullable().openapi({ description: '报告所述年度；文件中没有写明时为 null' }),
  }),
}).openapi('ReadReport');

/** ImportService `parse`: a file read but not saved. */
export const ParsedFileSchema = z
  .object({
    fileName: z.string(),
    year: z.number().nullable().openapi({ description: '报告所述年度；未能读出时为 null' }),
    report: ReadReportSchema,
    findings: z.array(FindingSchema).readonly(),
    alreadyImported: orNull(ExistingImportSchema).openapi({
      description: '本机关此前导入过内容相同的文件时，最近的那次导入；保存时须选择替换或另存',
    }),
    provenance: z.partialRecord(z.string(), SourceSchema).openapi({ description: '各单元格数值在原文中的出处' }),
    document: SourceViewSchema,
    comparison: orNull(ImportComparisonSchema).openapi({ description: '与本机关同年度（或上一年度）报告的比较' }),
  })
  .openapi('ParsedFile');

/** One row of the list of saved imports: no report, only what was counted of it. */
export const ImportedReportSummarySchema = z
  .object({
    id: z.number(),
    year: z.number(),
    fileName: z.string(),
    importedAt: timestamp,
    importedByName: z.string().nullable().openapi({ description: '导入人；由系统（示例数据）导入时为 null' }),
    errorCount: z.number(),
    warningCount: z.number(),
    correctionCount: z.number().openapi({ description: '人工更正的单元格数' }),
  })
  .openapi('ImportedReportSummary');

export const ImportedReportPageSchema = z
  .object({ total: z.number(), items: z.array(ImportedReportSummarySchema) })
  .openapi('ImportedReportPage');

/** One saved import: the report as kept (corrections applied), its findings and the corrections. */
export const ImportedReportSchema = ImportedReportSummarySchema.extend({
  report: ReportSchema.extend({ corrections: z.array(CellCorrectionSchema).readonly().optional() }),
  findings: z.array(FindingSchema).readonly(),
  corrections: z.array(CellCorrectionSchema).readonly().openapi({ description: '人工更正，按更正顺序' }),
}).openapi('ImportedReport');
