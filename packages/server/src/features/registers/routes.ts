import { createRoute, type z } from '@hono/zod-openapi';
import type { Actor } from '../access.js';
import type { App } from '../../http/env.js';
import { ERROR_RESPONSES, IdParam, json, jsonBody, OrganParam, pageWindow } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';
import type { RegisterService } from './service.js';
import {
  CsvBody,
  Document,
  DocumentInput,
  DocumentPage,
  DocumentQuery,
  DryRun,
  ImportResult,
  RegisterFigures,
  RegisterFiguresInput,
  Review,
  ReviewInput,
  ReviewPage,
  ReviewQuery,
  SavedRegisterFigures,
  YearParam,
} from './schemas.js';

const tags = ['登记簿'];

/** The body's bytes, as Hono keeps them (the text guard may have read them first). */
async function bodyBytes(request: { arrayBuffer(): Promise<ArrayBuffer> }): Promise<Uint8Array> {
  return new Uint8Array(await request.arrayBuffer());
}

/**
 * A register whose entries are added one by one, corrected, and imported from CSV: the documents
 * (规章、规范性文件) and the reviews and suits (复议、诉讼) are kept alike, so their three write
 * routes are made here once; only their lists, which filter differently, are written apart.
 */
type CsvOutcome =
  Awaited<ReturnType<RegisterService['importDocuments']>> | Awaited<ReturnType<RegisterService['importReviews']>>;

interface EntryRegister<I extends z.ZodType, E extends z.ZodType> {
  /** `/api/organs/{organId}/<segment>`, `/api/<segment>/{id}`. */
  segment: 'documents' | 'reviews';
  Input: I;
  Entry: E;
  summaries: { add: string; update: string; import: string };
  /** The CSV's columns, as the import route's description gives them. */
  csvColumns: string;
  add(registers: RegisterService, actor: Actor, organId: number, input: z.infer<I>): Promise<z.infer<E>>;
  update(registers: RegisterService, actor: Actor, id: number, input: z.infer<I>): Promise<z.infer<E>>;
  importCsv(
    registers: RegisterService,
    actor: Actor,
    organId: number,
    bytes: Uint8Array,
    dryRun: boolean,
  ): Promise<CsvOutcome>;
}

function entryRoutes<I extends z.ZodType, E extends z.ZodType>(app: App, register: EntryRegister<I, E>): void {
  const { segment, summaries } = register;
  // Widened: with the generic schemas themselves, Hono cannot compute the validated input's type.
  const Input: z.ZodType = register.Input;
  const Entry: z.ZodType = register.Entry;
  app.openapi(
    createRoute({
      method: 'post',
      path: `/api/organs/{organId}/${segment}`,
      tags,
      summary: summaries.add,
      request: { params: OrganParam, ...jsonBody(Input) },
      responses: { 201: json('已登记', Entry), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const input = c.req.valid('json') as z.infer<I>;
      const row = await register.add(
        c.var.services.registers,
        requireActor(c.var.actor),
        c.req.valid('param').organId,
        input,
      );
      return c.json(row, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: `/api/${segment}/{id}`,
      tags,
      summary: summaries.update,
      request: { params: IdParam, ...jsonBody(Input) },
      responses: { 200: json('已修改', Entry), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const input = c.req.valid('json') as z.infer<I>;
      const row = await register.update(
        c.var.services.registers,
        requireActor(c.var.actor),
        c.req.valid('param').id,
        input,
      );
      return c.json(row, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `/api/organs/{organId}/${segment}/import`,
      tags,
      summary: summaries.import,
      description: `列：${register.csvColumns}。任何一行有错时不保存。`,
      request: { params: OrganParam, query: DryRun, ...CsvBody },
      responses: { 200: json('预览或导入结果', ImportResult), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const result = await register.importCsv(
        c.var.services.registers,
        requireActor(c.var.actor),
        c.req.valid('param').organId,
        await bodyBytes(c.req),
        c.req.valid('query').dryRun === 'true',
      );
      return c.json(result, 200);
    },
  );
}

function documentRoutes(app: App): void {
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
  entryRoutes(app, {
    segment: 'documents',
    Input: DocumentInput,
    Entry: Document,
    summaries: {
      add: '登记一件文件',
      update: '修改文件登记（如登记废止）',
      import: '从 CSV 导入文件登记（dryRun=true 只预览）',
    },
    csvColumns: '类别、文号、标题、制发日期、废止日期',
    add: (registers, actor, organId, input) => registers.addDocument(actor, organId, input),
    update: (registers, actor, id, input) => registers.updateDocument(actor, id, input),
    importCsv: (registers, ...rest) => registers.importDocuments(...rest),
  });
}

function figureRoutes(app: App): void {
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
}

function reviewRoutes(app: App): void {
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
  entryRoutes(app, {
    segment: 'reviews',
    Input: ReviewInput,
    Entry: Review,
    summaries: {
      add: '登记复议或诉讼案件',
      update: '修改复议或诉讼案件（如登记审结结果）',
      import: '从 CSV 导入复议诉讼案件（dryRun=true 只预览）',
    },
    csvColumns: '类型、案号、收案日期、审结日期、结果、关联申请编号',
    add: (registers, actor, organId, input) => registers.addReview(actor, organId, input),
    update: (registers, actor, id, input) => registers.updateReview(actor, id, input),
    importCsv: (registers, ...rest) => registers.importReviews(...rest),
  });
}

/** The registers behind the report's sections 二 and 四: documents, yearly figures, reviews and suits. */
export function registerRoutes(app: App): void {
  documentRoutes(app);
  figureRoutes(app);
  reviewRoutes(app);
}
