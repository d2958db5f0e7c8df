import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../http/env.js';
import { badRequest } from '../../errors.js';
import { ERROR_RESPONSES, Id, IdParam, json, jsonBody, pageWindow, Paging } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';
import {
  CorpusBatchSchema,
  CorpusFileStatusSchema,
  CorpusImportStartedSchema,
  CorpusMergeSchema,
  CorpusOrganNameSchema,
  CorpusOrganPageSchema,
} from './schemas.js';

const tags = ['报告语料库'];

const BatchParam = z.object({ batchId: Id.openapi({ param: { name: 'batchId', in: 'path' } }) });
const NameParam = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'name', in: 'path' }, description: '报告中出现的机关名称写法' }),
});

export function corpusRoutes(app: App): void {
  importRoutes(app);
  organRoutes(app);
}

/** Bulk import: a batch started from uploaded files, then its progress and per-file outcomes. */
function importRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/corpus/imports',
      tags,
      summary: '导入已发布的年度报告（可多个文件，或 ZIP 压缩包）：立即返回批次编号，文件在后台读取',
      request: {
        body: {
          content: {
            'multipart/form-data': {
              schema: z.object({
                files: z.any().openapi({ type: 'array', items: { type: 'string', format: 'binary' } }),
                label: z.string().max(200).optional(),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 202: json('已开始导入', CorpusImportStartedSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const form = await c.req.formData();
      const files = form.getAll('files').filter((f) => typeof f !== 'string');
      if (files.length === 0) throw badRequest('请选择要导入的报告文件（表单字段 files）');
      const uploads = await Promise.all(
        files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      const label = form.get('label');
      const started = await c.var.services.corpus.upload(
        requireActor(c.var.actor),
        typeof label === 'string' && label.trim() ? label.trim() : files.map((f) => f.name).join('、'),
        uploads,
      );
      return c.json(started, 202);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/corpus/imports/{batchId}',
      tags,
      summary: '导入批次的进度和结果：读取、失败（含原因）、待复核、已存在的文件数，及逐个文件的结果（分页）',
      request: {
        params: BatchParam,
        query: z.object({ status: CorpusFileStatusSchema.optional(), ...Paging }),
      },
      responses: { 200: json('导入批次', CorpusBatchSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { batchId } = c.req.valid('param');
      const { status, ...page } = c.req.valid('query');
      const actor = requireActor(c.var.actor);
      return c.json(
        await c.var.services.corpus.batch(actor, batchId, { ...(status ? { status } : {}), ...pageWindow(page) }),
        200,
      );
    },
  );
}

/** Organ identity: the organs found, and the manual overrides of the automatic matching. */
function organRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/corpus/organs',
      tags,
      summary: '语料库中的机关（分页）：行政区划、层级、类别、识别把握、各种写法、报告数',
      request: {
        query: z.object({
          q: z.string().max(200).optional().openapi({ description: '机关名称（任一写法）中的文字' }),
          region: z
            .string()
            .regex(/^\d{2,6}$/u, '应为 2 至 6 位行政区划代码')
            .optional()
            .openapi({ description: '行政区划代码：该地及其下辖各地的机关' }),
          ...Paging,
        }),
      },
      responses: { 200: json('一页机关', CorpusOrganPageSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { q, region, ...page } = c.req.valid('query');
      const query = { ...(q?.trim() ? { q: q.trim() } : {}), ...(region ? { region } : {}), ...pageWindow(page) };
      return c.json(await c.var.services.corpus.organs(requireActor(c.var.actor), query), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/corpus/organ-names/{name}',
      tags,
      summary: '人工指定机关名称的某种写法属于哪个机关（此后自动识别不再改动；该写法的报告随之归入，记入审计日志）',
      request: { params: NameParam, ...jsonBody(z.object({ organId: Id })) },
      responses: { 200: json('已指定', CorpusOrganNameSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { name } = c.req.valid('param');
      const { organId } = c.req.valid('json');
      return c.json(await c.var.services.corpus.setOrganName(requireActor(c.var.actor), name, organId), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/corpus/organs/{id}/merge',
      tags,
      summary: '人工把一个机关合并到另一个机关（同一机关被识别为两个时）：写法和报告随之归入，记入审计日志',
      request: { params: IdParam, ...jsonBody(z.object({ into: Id })) },
      responses: { 200: json('已合并', CorpusMergeSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { into } = c.req.valid('json');
      return c.json(await c.var.services.corpus.mergeOrgan(requireActor(c.var.actor), id, into), 200);
    },
  );
}
