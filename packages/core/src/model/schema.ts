import { z } from 'zod';
import { ALL_CELL_IDS, REPORT_FORMATS } from './cells.js';

/**
 * The runtime schema of one annual report. Types are inferred from it, and `xxgk schema`
 * exports it as JSON Schema, so the three can never disagree.
 */

export const ReportFormatSchema = z
  .enum([...REPORT_FORMATS, 'unknown'])
  .describe('国家统一格式：2019（2019、2020年度报告）、2021（国办公开办函〔2021〕30号）或 unknown');

export const CellIdSchema = z.enum(ALL_CELL_IDS as [string, ...string[]]).describe('表格单元格编号，见 cells.md');

export const CellValueSchema = z.number().finite().nullable().describe('单元格数值；null 表示报告留空或无法读取');

const isoDate = z.iso.date().describe('公历日期，YYYY-MM-DD');

export const ReportMetaSchema = z
  .object({
    agency: z.string().describe('报告机关全称，如“相山区应急管理局”'),
    year: z.number().int().min(2008).max(2100).describe('报告所述年度（不是发布年份）'),
    format: ReportFormatSchema,
    region: z.string().optional().describe('所属行政区划，如“安徽省淮北市相山区”'),
    publishedOn: isoDate.optional().describe('发布日期'),
    title: z.string().optional().describe('报告标题（原文）'),
  })
  .strict();

export const ProseSubsectionSchema = z
  .object({
    heading: z.string().describe('小标题，如“（一）主动公开情况”'),
    paragraphs: z.array(z.string()),
  })
  .strict();

export const ProseSectionSchema = z
  .object({
    title: z.string().optional().describe('原文标题；缺省时使用国家格式的标题'),
    paragraphs: z.array(z.string()).describe('小标题之前的段落'),
    subsections: z.array(ProseSubsectionSchema),
  })
  .strict();

export const SourceSchema = z
  .object({
    file: z.string().optional(),
    page: z.number().int().positive().optional(),
    line: z.number().int().positive().optional(),
    table: z.number().int().nonnegative().optional(),
    row: z.number().int().nonnegative().optional(),
    column: z.number().int().nonnegative().optional(),
    text: z.string().optional().describe('原文片段'),
    confidence: z.number().min(0).max(1).optional().describe('扫描件经文字识别（OCR）读出时，识别的置信度（0–1）'),
  })
  .strict()
  .describe('数值在原文中的出处');

export const ExtraRowSchema = z
  .object({
    table: z.enum(['s2', 's3', 's4']),
    label: z.string(),
    values: z.array(z.number().finite().nullable()),
    source: SourceSchema.optional(),
  })
  .strict()
  .describe('国家格式之外、地方自行增加的表格行');

export const ReportSchema = z
  .object({
    meta: ReportMetaSchema,
    sections: z
      .object({
        overview: ProseSectionSchema.describe('一、总体情况'),
        problems: ProseSectionSchema.describe('五、存在的主要问题及改进情况'),
        otherMatters: ProseSectionSchema.describe('六、其他需要报告的事项'),
      })
      .strict(),
    cells: z.partialRecord(CellIdSchema, CellValueSchema).describe('法定表格各单元格，键为单元格编号'),
    extraRows: z.array(ExtraRowSchema).optional(),
    inferred: z.array(CellIdSchema).optional().describe('由正文推断而非表格给出的单元格'),
    provenance: z.partialRecord(CellIdSchema, SourceSchema).optional(),
  })
  .strict();

export type ReportFormatOrUnknown = z.infer<typeof ReportFormatSchema>;
export type ReportMeta = z.infer<typeof ReportMetaSchema>;
export type ProseSection = z.infer<typeof ProseSectionSchema>;
export type ProseSubsection = z.infer<typeof ProseSubsectionSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type ExtraRow = z.infer<typeof ExtraRowSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type Cells = Report['cells'];
export type ProseSectionKey = keyof Report['sections'];

/** JSON Schema (draft 2020-12) of a report, for other tools and for `xxgk schema`. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'urn:xxgk:schema:report:1',
    title: '政府信息公开工作年度报告',
    ...z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' }),
  };
}
