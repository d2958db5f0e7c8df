import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../http/env.js';
import { badRequest } from '../../errors.js';
import { ERROR_RESPONSES, IdParam, json, jsonBody, OrganParam, Paging } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';
import { ReportImportSchema } from '../reports/schemas.js';
import { DuplicateChoiceSchema, DuplicateImportSchema } from './duplicate.js';
import { ImportedReportPageSchema, ImportedReportSchema, ParsedFileSchema } from './schemas.js';

const CorrectionSchema = z.object({
  cellId: z.string().min(1).max(100),
  value: z.number().finite().nullable(),
  reason: z.string().trim().min(1, '请填写更正理由').max(500),
});

const SaveSchema = z.object({
  fileName: z.string().min(1).max(200),
  year: z.number().int().min(2008).max(2100),
  /** The file's bytes, base64: the server reads it again, so what is kept is what the file says plus the corrections. */
  content: z.string().min(1),
  corrections: z.array(CorrectionSchema).max(500).default([]),
  onDuplicate: DuplicateChoiceSchema,
});

const tags = ['导入报告'];

/** 导入报告: read a published report's file, save it with corrections, list what was saved. */
export function importRoutes(app: App): void {
  fileRoutes(app);
  savedImportRoutes(app);
}

/** Reading a file (nothing kept) and saving it, corrections and all. */
function fileRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organs/{organId}/parse',
      tags,
      summary: '读取已发布的年度报告文件（不保存）：表格、每个数字的出处、原文、检查结果、与本机关报告的比较',
      request: {
        params: OrganParam,
        query: z.object({ fileName: z.string().min(1).max(200) }),
        body: {
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
          required: true,
        },
      },
      responses: { 200: json('读取结果', ParsedFileSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId } = c.req.valid('param');
      const { fileName } = c.req.valid('query');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) throw badRequest(`文件 ${fileName} 是空的`);
      return c.json(await c.var.services.imports.parse(requireActor(c.var.actor), organId, fileName, bytes), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organs/{organId}/imports',
      tags,
      summary: '保存导入的年度报告（含人工更正的单元格及理由，逐条记入审计日志）',
      request: { params: OrganParam, ...jsonBody(SaveSchema) },
      responses: {
        201: json('已保存的导入报告', ReportImportSchema),
        409: json('内容相同的文件已导入过（未选择替换或另存）', DuplicateImportSchema),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const { organId } = c.req.valid('param');
      const body = c.req.valid('json');
      const bytes = new Uint8Array(Buffer.from(body.content, 'base64'));
      if (bytes.length === 0) throw badRequest(`文件 ${body.fileName} 是空的`);
      const result = await c.var.services.imports.importFile(
        requireActor(c.var.actor),
        organId,
        body.year,
        body.fileName,
        bytes,
        body.corrections,
        body.onDuplicate,
      );
      return c.json(result, 201);
    },
  );
}

/** The imports saved: a page of them, and one. */
function savedImportRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/imports',
      tags,
      summary: '已保存的导入报告（最近导入的在前，分页）：各报告的错误、警告和人工更正数',
      request: {
        params: OrganParam,
        query: z.object({
          year: z.coerce.number().int().min(2008).max(2100).optional(),
          q: z.string().max(200).optional().openapi({ description: '文件名中的文字' }),
          ...Paging,
        }),
      },
      responses: { 200: json('一页导入报告', ImportedReportPageSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId } = c.req.valid('param');
      return c.json(await c.var.services.imports.list(requireActor(c.var.actor), organId, c.req.valid('query')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/imports/{id}',
      tags,
      summary: '一份已保存的导入报告：保存时的表格（已含人工更正）、检查结果、人工更正及理由',
      request: { params: IdParam },
      responses: { 200: json('导入报告', ImportedReportSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await c.var.services.imports.get(requireActor(c.var.actor), id), 200);
    },
  );
}
