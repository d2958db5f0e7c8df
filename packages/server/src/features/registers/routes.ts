import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../http/app.js';
import { AnyObject, ERROR_RESPONSES, IdParam, json, jsonBody, OrganParam } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

const DocumentInput = z
  .object({
    kind: z.enum(['regulation', 'normativeDoc']),
    number: z.string().trim().max(100).optional(),
    title: z.string().trim().min(2).max(300),
    issuedOn: isoDate,
    repealedOn: isoDate.optional(),
  })
  .openapi('DocumentInput');
const Document = DocumentInput.extend({
  id: z.number(),
  organId: z.number(),
  number: z.string().nullable(),
  repealedOn: z.string().nullable(),
}).openapi('Document');

const ReviewInput = z
  .object({
    kind: z.enum(['review', 'suit', 'suitAfterReview']),
    caseNo: z.string().trim().min(1).max(100),
    applicationId: z.number().int().positive().nullable().optional(),
    filedOn: isoDate,
    concludedOn: isoDate.optional(),
    result: z.enum(['upheld', 'corrected', 'other']).optional(),
    note: z.string().max(2000).nullable().optional(),
  })
  .openapi('ReviewInput');

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

async function bodyBytes(request: Request): Promise<Uint8Array> {
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
      request: { params: OrganParam, query: z.object({ year: z.coerce.number().int().optional() }) },
      responses: { 200: json('文件', z.array(Document)), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId } = c.req.valid('param');
      const rows = await c.var.services.registers.documents(
        requireActor(c.var.actor),
        organId,
        c.req.valid('query').year,
      );
      return c.json(rows as z.infer<typeof Document>[], 200);
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
      return c.json(row as z.infer<typeof Document>, 201);
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
      return c.json(row as z.infer<typeof Document>, 200);
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
        await bodyBytes(c.req.raw),
        c.req.valid('query').dryRun === 'true',
      );
      return c.json(result as unknown as z.infer<typeof ImportResult>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/figures/{year}',
      tags,
      summary: '年度填报数（行政许可、处罚、强制决定数，收费金额等）',
      request: { params: YearParam },
      responses: { 200: json('填报数', AnyObject), ...ERROR_RESPONSES },
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
      request: {
        params: YearParam,
        ...jsonBody(
          z.object({ version: z.number().int().min(0), figures: z.record(z.string(), z.number().nullable()) }),
        ),
      },
      responses: { 200: json('已保存', AnyObject), ...ERROR_RESPONSES },
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
      request: { params: OrganParam },
      responses: { 200: json('案件', z.array(AnyObject)), ...ERROR_RESPONSES },
    }),
    async (c) =>
      c.json(await c.var.services.registers.reviews(requireActor(c.var.actor), c.req.valid('param').organId), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organs/{organId}/reviews',
      tags,
      summary: '登记复议或诉讼案件',
      request: { params: OrganParam, ...jsonBody(ReviewInput) },
      responses: { 201: json('已登记', AnyObject), ...ERROR_RESPONSES },
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
      responses: { 200: json('已修改', AnyObject), ...ERROR_RESPONSES },
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
        await bodyBytes(c.req.raw),
        c.req.valid('query').dryRun === 'true',
      );
      return c.json(result as unknown as z.infer<typeof ImportResult>, 200);
    },
  );
}
