import { z } from '@hono/zod-openapi';
import { REPORT_FORMATS } from '@xxgk/core';
import { IsoDate, Id, OrganParam, Paging } from '../../http/openapi.js';

export const DocumentKind = z.enum(['regulation', 'normativeDoc']);
export const ReviewKind = z.enum(['review', 'suit', 'suitAfterReview']);
export const ReviewResult = z.enum(['upheld', 'corrected', 'other']);
/** A search box's text: blank means no search. */
export const Search = z.string().trim().max(100).optional();

export const DocumentInput = z
  .object({
    kind: DocumentKind,
    number: z.string().trim().max(100).optional(),
    title: z.string().trim().min(2).max(300),
    issuedOn: IsoDate,
    repealedOn: IsoDate.optional(),
  })
  .openapi('DocumentInput');
// Written out rather than extending DocumentInput: an extended schema becomes `allOf`, and the
// generated type then intersects `number?: string` with `number: string | null`, losing the null.
export const Document = z
  .object({
    id: z.number(),
    organId: z.number(),
    kind: DocumentKind,
    number: z.string().nullable(),
    title: z.string(),
    issuedOn: z.string(),
    repealedOn: z.string().nullable(),
  })
  .openapi('Document');
export const DocumentPage = z.object({ total: z.number(), items: z.array(Document) }).openapi('DocumentPage');
export const DocumentQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: Search.openapi({ description: '标题或文号中的文字' }),
  status: z.enum(['inForce', 'repealed']).optional().openapi({ description: 'inForce 现行有效，repealed 已废止' }),
  ...Paging,
});

export const ReviewInput = z
  .object({
    kind: ReviewKind,
    caseNo: z.string().trim().min(1).max(100),
    applicationId: Id.nullable().optional(),
    filedOn: IsoDate,
    concludedOn: IsoDate.optional(),
    result: ReviewResult.optional(),
    note: z.string().max(2000).nullable().optional(),
  })
  .openapi('ReviewInput');
export const Review = z
  .object({
    id: z.number(),
    kind: ReviewKind,
    caseNo: z.string(),
    applicationId: z.number().nullable(),
    applicationSerialNo: z.string().nullable(),
    filedOn: z.string(),
    concludedOn: z.string().nullable(),
    result: ReviewResult.nullable(),
    note: z.string().nullable(),
  })
  .openapi('Review');
export const ReviewPage = z.object({ total: z.number(), items: z.array(Review) }).openapi('ReviewPage');
export const ReviewQuery = z.object({
  kind: ReviewKind.optional(),
  q: Search.openapi({ description: '案号中的文字' }),
  ...Paging,
});

export const FigureValues = z.record(z.string(), z.number().nullable());
// Named apart from the statistics' YearFigures (counts of applications), which is another thing.
export const RegisterFigures = z
  .object({
    year: z.number(),
    format: z.enum(REPORT_FORMATS).nullable().openapi({ description: '该年度适用的年度报告格式；不适用时为 null' }),
    cells: z.array(z.string()).openapi({ description: '该格式须填报的项，按表中顺序' }),
    figures: FigureValues,
    version: z.number().openapi({ description: '首次保存前为 0' }),
  })
  .openapi('RegisterFigures');
export const RegisterFiguresInput = z
  .object({ version: z.number().int().min(0), figures: FigureValues })
  .openapi('RegisterFiguresInput');
export const SavedRegisterFigures = z
  .object({ year: z.number(), figures: FigureValues, version: z.number() })
  .openapi('SavedRegisterFigures');

export const CsvBody = {
  body: {
    content: {
      'text/csv': { schema: z.string().openapi({ format: 'binary', description: 'UTF-8 或 GBK 编码的 CSV 文件' }) },
    },
    required: true,
  },
};
export const DryRun = z.object({ dryRun: z.enum(['true', 'false']).default('true') });
export const ImportResult = z
  .object({
    rows: z.array(z.object({ line: z.number(), value: z.record(z.string(), z.unknown()) })),
    errors: z.array(z.object({ line: z.number(), field: z.string().optional(), message: z.string() })),
    saved: z.number(),
  })
  .openapi('CsvImportResult');
export const YearParam = OrganParam.extend({ year: z.coerce.number().int().min(2008).max(2100) });
