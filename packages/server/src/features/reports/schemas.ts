import { z } from '@hono/zod-openapi';
import {
  CellValueSchema,
  ExtraRowSchema,
  PUBLICATION_DEADLINE,
  ReportMetaSchema,
  ReportSchema as CoreReportSchema,
  SEVERITY_LABELS,
  SourceSchema,
  type Severity,
} from '@xxgk/core';
import { REPORT_STATUSES } from './service.js';

/*
 * What the annual-report routes answer with, as ReportService builds it: the OpenAPI description
 * and the web's generated types are read from these.
 */

const SEVERITIES = Object.keys(SEVERITY_LABELS) as [Severity, ...Severity[]];
const timestamp = z.string().openapi({ format: 'date-time' });

/**
 * `schema` or null. A registered schema's own `.nullable()` loses the null in the OpenAPI 3.1
 * output (zod-to-openapi emits allOf [$ref, …]; asteasolutions/zod-to-openapi#387), a union does not.
 */
const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

/**
 * The core's report model (packages/core/src/model/schema.ts), as stored and as rendered, with the
 * cells and their provenance as records by cell ID rather than one property for each of the
 * hundreds of cells, which would bury the description and the web's types.
 */
export const ReportSchema = z
  .object({
    meta: ReportMetaSchema,
    sections: CoreReportSchema.shape.sections,
    cells: z.partialRecord(z.string(), CellValueSchema).openapi({ description: '法定表格各单元格，键为单元格编号' }),
    extraRows: z.array(ExtraRowSchema).optional(),
    inferred: z.array(z.string()).optional().openapi({ description: '由正文推断而非表格给出的单元格' }),
    provenance: z
      .partialRecord(z.string(), SourceSchema)
      .optional()
      .openapi({ description: '各单元格数值在原文中的出处' }),
  })
  .openapi('Report');

/** The core's Finding: what one rule says of a report. */
export const FindingSchema = z
  .object({
    rule: z.string(),
    severity: z.enum(SEVERITIES),
    message: z.string(),
    cells: z.array(z.string()).readonly().openapi({ description: '所涉单元格编号' }),
  })
  .openapi('Finding');

/** The core's CellDifference: `a` is the compiled report, `b` the imported one; absent when it lacks the cell. */
export const CellDifferenceSchema = z
  .object({
    cellId: z.string(),
    label: z.string(),
    a: z.number().nullable().optional(),
    b: z.number().nullable().optional(),
    delta: z.number().nullable(),
  })
  .openapi('CellDifference');

/** A number of a draft the records no longer give: the draft's value and what recompiling gives. */
export const StaleCellSchema = z
  .object({
    cellId: z.string(),
    label: z.string().openapi({ description: '单元格名称，如报告所印' }),
    from: z.number().nullable(),
    to: z.number().nullable(),
  })
  .openapi('StaleCell');

export const ReportStateSchema = z
  .object({
    organId: z.number(),
    year: z.number(),
    status: z.enum(REPORT_STATUSES),
    version: z.number().openapi({ description: '首次编制前为 0；每次修改都须带上' }),
    report: orNull(ReportSchema),
    findings: z.array(FindingSchema).readonly(),
    compiledAt: timestamp.nullable(),
    publishedOn: z.iso.date().nullable(),
    late: z.boolean().openapi({ description: `晚于${PUBLICATION_DEADLINE}发布（条例第四十九条）` }),
    today: z.iso.date().openapi({ description: '服务的当前日期（北京时间）' }),
    yearEnded: z.boolean().openapi({ description: '报告所述年度已经结束（按北京时间）；未结束时发布须说明理由' }),
    stale: z.array(StaleCellSchema).openapi({
      description: '草稿编制后办理记录有变动、重新编制将改变的数字；不为空时须重新编制后才能发布',
    }),
    publication: z
      .object({ id: z.number(), publishedOn: z.iso.date(), publishedAt: timestamp })
      .nullable()
      .openapi({ description: '最近一次发布的版本' }),
    imported: z
      .object({
        id: z.number(),
        fileName: z.string(),
        importedAt: timestamp,
        findings: z.array(FindingSchema).readonly(),
        differences: z.array(CellDifferenceSchema),
      })
      .nullable()
      .openapi({ description: '最近导入的、在别处发布的同年度报告，与编制的报告比较' }),
  })
  .openapi('ReportState');

/** A cell of an imported report corrected by hand, with who, when and why. */
export const CellCorrectionSchema = z
  .object({
    cellId: z.string(),
    from: z.number().nullable(),
    to: z.number().nullable(),
    reason: z.string(),
    by: z.number().nullable(),
    byName: z.string(),
    at: timestamp,
  })
  .openapi('CellCorrection');

export const ReportImportSchema = z
  .object({
    id: z.number(),
    year: z.number(),
    report: ReportSchema.extend({ corrections: z.array(CellCorrectionSchema).optional() }),
    findings: z.array(FindingSchema).readonly(),
    corrections: z.array(CellCorrectionSchema),
  })
  .openapi('ReportImport');

/** The core's CellSource: counted records, a figure entered for the year, or counted documents. */
export const CellSourceSchema = z
  .object({
    cellId: z.string(),
    source: z.union([
      z.object({ count: z.number(), ids: z.array(z.string()).openapi({ description: '申请编号或案号' }) }),
      z.object({ figure: z.literal(true) }),
      z.object({ documents: z.array(z.string()).openapi({ description: '文号，无文号时为标题' }) }),
    ]),
    applications: z
      .array(z.object({ id: z.number(), serialNo: z.string(), receivedOn: z.string(), status: z.string() }))
      .openapi({ description: '构成这个数字的申请（第三部分的单元格），可逐件打开；其他单元格为空' }),
  })
  .openapi('CellSource');
