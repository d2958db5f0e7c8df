import { createRoute, z } from '@hono/zod-openapi';
import { ReportSchema } from '@xxgk/core';
import type { App } from '../../http/env.js';
import { badRequest } from '../../errors.js';
import { ERROR_RESPONSES, json, jsonBody, OrganParam } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';
import { DuplicateChoiceSchema, DuplicateImportSchema } from '../imports/duplicate.js';
import { CellSourceSchema, ReportImportSchema, ReportStateSchema } from './schemas.js';

const ReportParams = OrganParam.extend({ year: z.coerce.number().int().min(2008).max(2100) });
const MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
} as const;

const tags = ['年度报告'];

/** 年度报告: compiled from the records, written, published, checked against other sources. */
export function reportRoutes(app: App): void {
  draftRoutes(app);
  publicationRoutes(app);
  checkRoutes(app);
}

/** The draft: read it, compile it from the records, write its text sections. */
function draftRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/reports/{year}',
      tags,
      summary: '年度报告：草稿或已发布版本、规则检查结果、与导入报告的差异',
      request: { params: ReportParams },
      responses: { 200: json('年度报告', ReportStateSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId, year } = c.req.valid('param');
      return c.json(await c.var.services.reports.get(requireActor(c.var.actor), organId, year), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organs/{organId}/reports/{year}/compile',
      tags,
      summary: '由办理记录和登记簿编制（或重新编制）年度报告；已写的文字部分保留',
      request: { params: ReportParams },
      responses: { 200: json('编制后的年度报告', ReportStateSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId, year } = c.req.valid('param');
      return c.json(await c.var.services.reports.compile(requireActor(c.var.actor), organId, year), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/organs/{organId}/reports/{year}/sections',
      tags,
      summary: '修改文字部分（总体情况、存在的主要问题及改进情况、其他需要报告的事项）',
      request: {
        params: ReportParams,
        ...jsonBody(z.object({ version: z.number().int().min(1), sections: ReportSchema.shape.sections })),
      },
      responses: { 200: json('修改后的年度报告', ReportStateSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId, year } = c.req.valid('param');
      const { version, sections } = c.req.valid('json');
      return c.json(
        await c.var.services.reports.updateSections(requireActor(c.var.actor), organId, year, version, sections),
        200,
      );
    },
  );
}

/** Publishing the report, and the published files anyone may download. */
function publicationRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organs/{organId}/reports/{year}/publish',
      tags,
      summary: '审核发布（审核人；有错误时、编制后记录有变动时不能发布；年度结束前发布须说明理由）',
      request: {
        params: ReportParams,
        ...jsonBody(
          z.object({
            version: z.number().int().min(1),
            reason: z
              .string()
              .max(500)
              .optional()
              .openapi({ description: '年度结束前提前发布的理由（记入审计日志）；年度结束后不需要' }),
          }),
        ),
      },
      responses: { 200: json('已发布', ReportStateSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId, year } = c.req.valid('param');
      const { version, reason } = c.req.valid('json');
      return c.json(
        await c.var.services.reports.publish(requireActor(c.var.actor), organId, year, version, reason),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/reports/{year}/published/{kind}',
      tags,
      summary: '下载已发布的年度报告（DOCX、PDF、HTML；公开，无须登录）',
      request: { params: ReportParams.extend({ kind: z.enum(['docx', 'pdf', 'html']) }) },
      responses: { 200: { description: '文件' }, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId, year, kind } = c.req.valid('param');
      const file = await c.var.services.reports.publishedFile(organId, year, kind);
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': MEDIA_TYPES[kind],
        'content-disposition': `${kind === 'html' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      });
    },
  );
}

/** Checking the compiled figures: against a report published elsewhere, and back to their records. */
function checkRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organs/{organId}/reports/{year}/import',
      tags,
      summary: '导入已在别处发布的年度报告文件（txt、html、docx、doc、pdf），与编制的报告比较',
      request: {
        params: ReportParams,
        query: z.object({ fileName: z.string().min(1).max(200), onDuplicate: DuplicateChoiceSchema }),
        body: {
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
          required: true,
        },
      },
      responses: {
        201: json('读取结果', ReportImportSchema),
        409: json('内容相同的文件已导入过（未选择替换或另存）', DuplicateImportSchema),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const { organId, year } = c.req.valid('param');
      const { fileName, onDuplicate } = c.req.valid('query');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) throw badRequest('请上传报告文件');
      const actor = requireActor(c.var.actor);
      const result = await c.var.services.imports.importFile(actor, organId, year, fileName, bytes, [], onDuplicate);
      return c.json(result, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/reports/{year}/sources/{cellId}',
      tags,
      summary: '编制的报告中某个数字来自哪些记录（申请编号、文件、案号）',
      request: { params: ReportParams.extend({ cellId: z.string().regex(/^s[234]\.[A-Za-z.]+$/) }) },
      responses: { 200: json('来源', CellSourceSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId, year, cellId } = c.req.valid('param');
      return c.json(await c.var.services.reports.cellSource(requireActor(c.var.actor), organId, year, cellId), 200);
    },
  );
}
