import { createRoute, z } from '@hono/zod-openapi';
import { LETTER_KINDS } from '@xxgk/core';
import { badRequest } from '../../errors.js';
import type { App } from '../../http/env.js';
import {
  ERROR_RESPONSES,
  ErrorSchema,
  IdParam,
  json,
  jsonBody,
  OrganParam,
  pageWindow,
  Paging,
} from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';
import { ActRequestSchema, asCaseAction } from './actions.js';
import { ApplicationFilters, listFilters, Soon } from './filters.js';
import {
  ApplicationDetailSchema,
  ApplicationPageSchema,
  AssigneeSchema,
  AssignRequestSchema,
  AssignResultSchema,
  DashboardSchema,
  LetterParagraphSchema,
  UploadedAttachmentSchema,
} from './schemas.js';
import { IntakeSchema } from './views.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 依申请公开: registering and assigning cases, acting on them, their letters and attachments. */
export function applicationRoutes(app: App): void {
  intakeRoutes(app);
  caseRoutes(app);
  attachmentRoutes(app);
  dashboardRoutes(app);
}

/** Registering cases, the list of them, and assigning them to officers. */
function intakeRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organs/{organId}/applications',
      tags: ['依申请公开'],
      summary: '登记收到的申请',
      request: { params: OrganParam, ...jsonBody(IntakeSchema) },
      responses: { 201: json('已登记', ApplicationDetailSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const actor = requireActor(c.var.actor);
      const { organId } = c.req.valid('param');
      const row = await c.var.services.applications.intake(actor, organId, c.req.valid('json'));
      return c.json(await c.var.services.applications.get(actor, row.id), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/applications',
      tags: ['依申请公开'],
      summary: '申请列表（按答复期限排序，分页）',
      request: {
        params: OrganParam,
        query: ApplicationFilters.extend(Paging),
      },
      responses: { 200: json('一页申请', ApplicationPageSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId } = c.req.valid('param');
      const q = c.req.valid('query');
      const page = await c.var.services.applications.list(requireActor(c.var.actor), organId, {
        ...listFilters(q),
        ...pageWindow(q),
      });
      return c.json(page, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/applications/assign',
      tags: ['依申请公开'],
      summary: '分派承办人（一件或批量）',
      description:
        '本机关审核人、机关管理员把在办申请分派给本机关在岗的经办人；批量时逐件办理，某件不能分派不影响其余各件，逐件答复结果和原因。',
      request: jsonBody(AssignRequestSchema),
      responses: { 200: json('逐件的分派结果', AssignResultSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { ids, assigneeId } = c.req.valid('json');
      return c.json(await c.var.services.applications.assign(requireActor(c.var.actor), ids, assigneeId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/assignees',
      tags: ['依申请公开'],
      summary: '可分派的承办人（本机关在岗的经办人）',
      request: { params: OrganParam },
      responses: { 200: json('经办人', z.array(AssigneeSchema)), ...ERROR_RESPONSES },
    }),
    async (c) =>
      c.json(await c.var.services.applications.assignees(requireActor(c.var.actor), c.req.valid('param').organId), 200),
  );
}

/** One case: its detail, the actions on it, and its letters (DOCX, and the text for printing). */
function caseRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/applications/{id}',
      tags: ['依申请公开'],
      summary: '申请详情：期限、可进行的操作、办理过程',
      request: { params: IdParam },
      responses: { 200: json('申请', ApplicationDetailSchema), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await c.var.services.applications.get(requireActor(c.var.actor), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/applications/{id}/actions',
      tags: ['依申请公开'],
      summary: '办理操作（补正、征求意见、收费、延期、答复、审核……）',
      description: '须带上读取时的 version；他人已修改时返回 409。',
      request: { params: IdParam, ...jsonBody(ActRequestSchema) },
      responses: {
        200: json('办理后的申请', ApplicationDetailSchema),
        409: json('版本冲突', ErrorSchema),
        422: json('不合法的操作', ErrorSchema),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const { version, action } = c.req.valid('json');
      const detail = await c.var.services.applications.act(
        requireActor(c.var.actor),
        c.req.valid('param').id,
        version,
        asCaseAction(action),
      );
      return c.json(detail, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/applications/{id}/letters/{kind}',
      tags: ['依申请公开'],
      summary: '生成答复书或告知书（DOCX）',
      request: { params: IdParam.extend({ kind: z.enum(LETTER_KINDS) }) },
      responses: { 200: { description: 'DOCX 文件' }, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { id, kind } = c.req.valid('param');
      const letter = await c.var.services.applications.letter(requireActor(c.var.actor), id, kind);
      return c.body(letter.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': DOCX,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(letter.name)}`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/applications/{id}/letters/{kind}/text',
      tags: ['依申请公开'],
      summary: '答复书或告知书的段落（打印页用，与 DOCX 同一文本）',
      request: { params: IdParam.extend({ kind: z.enum(LETTER_KINDS) }) },
      responses: { 200: json('文书的段落', z.array(LetterParagraphSchema)), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { id, kind } = c.req.valid('param');
      const paragraphs = await c.var.services.applications.letterText(requireActor(c.var.actor), id, kind);
      // The core's paragraphs are read-only; the response copies the table's rows.
      const copied = paragraphs.map((p) =>
        p.kind === 'table' ? { kind: p.kind, header: [...p.header], rows: p.rows.map((r) => [...r]) } : p,
      );
      return c.json(copied, 200);
    },
  );
}

/** A case's attachments: uploading and downloading. */
function attachmentRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/applications/{id}/attachments',
      tags: ['依申请公开'],
      summary: '上传附件（PDF、OFD、DOC/DOCX、XLSX、JPEG、PNG、文本；20 MB 以内）',
      request: {
        params: IdParam,
        body: {
          content: {
            'multipart/form-data': {
              schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
            },
          },
          required: true,
        },
      },
      responses: { 201: json('已上传', UploadedAttachmentSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const file: unknown = c.req.valid('form').file;
      if (!(file instanceof File)) throw badRequest('请选择要上传的文件（表单字段 file）');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const saved = await c.var.services.applications.addAttachment(
        requireActor(c.var.actor),
        c.req.valid('param').id,
        file.name,
        bytes,
      );
      return c.json(saved, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/attachments/{id}',
      tags: ['依申请公开'],
      summary: '下载附件',
      request: { params: IdParam },
      responses: { 200: { description: '附件' }, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const file = await c.var.services.applications.attachment(requireActor(c.var.actor), c.req.valid('param').id);
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': file.mediaType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      });
    },
  );
}

/** The workbench's counts. */
function dashboardRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/dashboard',
      tags: ['依申请公开'],
      summary: '工作台：在办、即将到期（默认 3 个工作日内）、逾期、待审核、暂停计时的申请数',
      request: { params: OrganParam, query: z.object({ soon: Soon }) },
      responses: { 200: json('统计', DashboardSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId } = c.req.valid('param');
      const { soon } = c.req.valid('query');
      return c.json(await c.var.services.applications.dashboard(requireActor(c.var.actor), organId, soon), 200);
    },
  );
}
