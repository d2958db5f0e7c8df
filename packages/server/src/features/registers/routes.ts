import { createRoute, z } from '@hono/zod-openapi';
import { REPORT_FORMATS } from '@xxgk/core';
import type { App } from '../../http/env.js';
import { ERROR_RESPONSES, Id, IdParam, IsoDate, json, jsonBody, OrganParam, Paging } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';

const DocumentKind = z.enum(['regulation', 'normativeDoc']);
const ReviewKind = z.enum(['review', 'suit', 'suitAfterReview']);
const ReviewResult = z.enum(['upheld', 'corrected', 'other']);
/** A search box's text: blank means no search. */
const Search = z.string().trim().max(100).optional();

const DocumentInput = z
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
const Document = z
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
const DocumentPage = z.object({ total: z.number(), items: z.array(Document) }).openapi('DocumentPage');
export const DocumentQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: Search.openapi({ description: '标题或文号中的文字' }),
  status: z.enum(['inForce', 'repealed']).optional().openapi({ description: 'inForce 现行有效，repealed 已废止' }),
  ...Paging,
});

const ReviewInput = z
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
const Review = z
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
const ReviewPage = z.object({ total: z.number(), items: z.array(Review) }).openapi('ReviewPage');
export const ReviewQuery = z.object({
  kind: ReviewKind.optional(),
  q: Search.openapi({ description: '案号中的文字' }),
  ...Paging,
});

const FigureValues = z.record(z.string(), z.number().nullable());
// Named apart from the statistics' YearFigures (counts of applications), which is another thing.
const RegisterFigures = z
  .object({
    year: z.number(),
    format: z.enum(REPORT_FORMATS).nullable().openapi({ description: '该年度适用的年度报告格式；不适用时为 null' }),
    cells: z.array(z.string()).openapi({ description: '该格式须填报的项，按表中顺序' }),
    figures: FigureValues,
    version: z.number().openapi({ description: '首次保存前为 0' }),
  })
  .openapi('RegisterFigures');
const RegisterFiguresInput = z
  .object({ version: z.number().int().min(0), figures: FigureValues })
  .openapi('RegisterFiguresInput');
const SavedRegisterFigures = z
  .object({ year: z.number(), figures: FigureValues, version: z.number() })
  .openapi('SavedRegisterFigures');

const CsvBody = {
  body: {
    content: {
      'text/csv': { schema: z.string().openapi({ format: 'binary', description: 'UTF-8 或 GBK 编码的 CSV 文件' }) },
    },
    required: true,
  },
};
const DryRun = z.object({ dryRun: z.enum(['true', 'false']).default('true') });
const ImportResult = z
  .object({
    rows: z.array(z.object({ line: z.number(), value: z.record(z.string(), z.unknown()) })),
    errors: z.array(z.object({ line: z.number(), field: z.string().optional(), message: z.string() })),
    saved: z.number(),
  })
  .openapi('CsvImportResult');
const YearParam = OrganParam.extend({ year: z.coerce.number().int().min(2008).max(2100) });

/** The rows of a page, from the page number (from 1) and its size. */
function pageWindow({ page, pageSize }: { page: number; pageSize: number }) {
  return { limit: pageSize, offset: (page - 1) * pageSize };
}

/** The body's bytes, as Hono keeps them (the text guard may have read them first). */
async function bodyBytes(request: { arrayBuffer(): Promise<ArrayBuffer> }): Promise<Uint8Array> {
  return new Uint8Array(await request.arrayBuffer());
}

export function registerRoutes(app: App): void {
  const tags = ['登记簿'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/documents',
      tags,
      summary: '规章和行政规范性文件登记',
      request: { params: OrganParam, query: DocumentQuery },
      responses: { 200: json('一页文件（按制发日期从新到旧）', DocumentPage), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId } = c.req.valid('param');
      const query = c.req.valid('query');
      const page = await c.var.services.registers.documents(requireActor(c.var.actor), organId, {
        ...(query.year ? { year: query.year } : {}),
        ...(query.q ? { search: query.q } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...pageWindow(query),
      });
      return c.json(page, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organs/{organId}/documents',
      tags,
      summary: '登记一件文件',
      request: { params: OrganParam, ...jsonBody(DocumentInput) },
      responses: { 201: json('已登记', Document), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const row = await c.var.services.registers.addDocument(
        requireActor(c.var.actor),
        c.req.valid('param').organId,
        c.req.valid('json'),
      );
      return c.json(row, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/documents/{id}',
      tags,
      summary: '修改文件登记（如登记废止）',
      request: { params: IdParam, ...jsonBody(DocumentInput) },
      responses: { 200: json('已修改', Document), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const row = await c.var.services.registers.updateDocument(
        requireActor(c.var.actor),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(row, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organs/{organId}/documents/import',
      tags,
      summary: '从 CSV 导入文件登记（dryRun=true 只预览）',
      description: '列：类别、文号、标题、制发日期、废止日期。任何一行有错时不保存。',
      request: { params: OrganParam, query: DryRun, ...CsvBody },
      responses: { 200: json('预览或导入结果', ImportResult), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const result = await c.var.services.registers.importDocuments(
        requireActor(c.var.actor),
        c.req.valid('param').organId,
        await bodyBytes(c.req),
        c.req.valid('query').dryRun === 'true',
      );
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/figures/{year}',
      tags,
      summary: '年度填报数（行政许可、处罚、强制决定数，收费金额等）',
      request: { params: YearParam },
      responses: { 200: json('填报数', RegisterFigures), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId, year } = c.req.valid('param');
      return c.json(await c.var.services.registers.figures(requireActor(c.var.actor), organId, year), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/organs/{organId}/figures/{year}',
      tags,
      summary: '保存年度填报数（带版本号）',
      request: { params: YearParam, ...jsonBody(RegisterFiguresInput) },
      responses: { 200: json('已保存', SavedRegisterFigures), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId, year } = c.req.valid('param');
      const { version, figures } = c.req.valid('json');
      return c.json(
        await c.var.services.registers.putFigures(requireActor(c.var.actor), organId, year, version, figures),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/reviews',
      tags,
      summary: '行政复议、行政诉讼案件',
      request: { params: OrganParam, query: ReviewQuery },
      responses: { 200: json('一页案件（按收案日期从新到旧）', ReviewPage), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId } = c.req.valid('param');
      const query = c.req.valid('query');
      const page = await c.var.services.registers.reviews(requireActor(c.var.actor), organId, {
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.q ? { search: query.q } : {}),
        ...pageWindow(query),
      });
      return c.json(page, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organs/{organId}/reviews',
      tags,
      summary: '登记复议或诉讼案件',
      request: { params: OrganParam, ...jsonBody(ReviewInput) },
      responses: { 201: json('已登记', Review), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const row = await c.var.services.registers.addReview(
        requireActor(c.var.actor),
        c.req.valid('param').organId,
        c.req.valid('json'),
      );
      return c.json(row, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/reviews/{id}',
      tags,
      summary: '修改复议或诉讼案件（如登记审结结果）',
      request: { params: IdParam, ...jsonBody(ReviewInput) },
      responses: { 200: json('已修改', Review), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const row = await c.var.services.registers.updateReview(
        requireActor(c.var.actor),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(row, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organs/{organId}/reviews/import',
      tags,
      summary: '从 CSV 导入复议诉讼案件（dryRun=true 只预览）',
      description: '列：类型、案号、收案日期、审结日期、结果、关联申请编号。任何一行有错时不保存。',
      request: { params: OrganParam, query: DryRun, ...CsvBody },
      responses: { 200: json('预览或导入结果', ImportResult), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const result = await c.var.services.registers.importReviews(
        requireActor(c.var.actor),
        c.req.valid('param').organId,
        await bodyBytes(c.req),
        c.req.valid('query').dryRun === 'true',
      );
      return c.json(result, 200);
    },
  );
}
