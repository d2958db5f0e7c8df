import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App, AppEnv } from '../../http/env.js';
import { ERROR_RESPONSES, IdParam, json, pageWindow } from '../../http/openapi.js';
import {
  ChoicesSchema,
  CorpusFilterQuery,
  CorpusReportSchema,
  ExportParam,
  FiguresQuery,
  FiguresSchema,
  OutlierPageSchema,
  OutliersQuery,
  RegionDocumentParams,
  RegionParams,
  RegionQuery,
  RegionSummarySchema,
  ReportIdParam,
  ReportPageSchema,
  ReportsQuery,
} from './schemas.js';

const TAGS = ['年度报告语料库（公开）'];
const FILE_RESPONSE = { 200: { description: '文件' }, ...ERROR_RESPONSES };

/** Bytes as a download: a stored file is never shown inline, so a hostile HTML file runs nowhere. */
function download(c: Context<AppEnv>, file: { name: string; mediaType: string; bytes: Uint8Array }, inline = false) {
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': file.mediaType,
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  });
}

/**
 * The published corpus, open to anyone without logging in (it is published data): figures,
 * the reports behind them, outliers, a region's 汇总, source files and exports. Read-only.
 */
export function corpusAnalysisRoutes(app: App): void {
  figureRoutes(app);
  reportRoutes(app);
  regionRoutes(app);
}

/** Every route here is a GET of the one tag. */
const route = (path: string, summary: string) => ({ method: 'get' as const, path, tags: TAGS, summary });

/** The figures and the choices that filter them. */
function figureRoutes(app: App): void {
  app.openapi(
    createRoute({
      ...route('/api/corpus/choices', '筛选项：年度、行政区划（省、市、县）、层级、机关类别、指标'),
      responses: { 200: json('筛选项', ChoicesSchema), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await c.var.services.corpusAnalysis.choices(), 200),
  );
  app.openapi(
    createRoute({
      ...route('/api/corpus/figures', '各项指标之和、比率和规则违反数，按年度、地区、层级或机关类别分组'),
      request: { query: FiguresQuery },
      responses: { 200: json('分组的指标', FiguresSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { by, ...filter } = c.req.valid('query');
      return c.json(await c.var.services.corpusAnalysis.figures(filter, by), 200);
    },
  );
}

/** The reports behind the figures: lists, one report, its source file, outliers. */
function reportRoutes(app: App): void {
  app.openapi(
    createRoute({
      ...route('/api/corpus/reports', '指标背后的报告，分页（只计现行版本）'),
      request: { query: ReportsQuery },
      responses: { 200: json('一页报告', ReportPageSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { page, pageSize, ...query } = c.req.valid('query');
      return c.json(await c.var.services.corpusAnalysis.reports({ ...query, ...pageWindow({ page, pageSize }) }), 200);
    },
  );
  app.openapi(
    createRoute({
      ...route('/api/corpus/reports/{id}', '一份报告：表格数据、检查发现、各单元格出处和原文件'),
      request: { params: ReportIdParam },
      responses: { 200: json('报告', CorpusReportSchema), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await c.var.services.corpusAnalysis.report(c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      ...route('/api/corpus/outliers', '异常值：新收申请大幅跳变、违反错误级规则、与上年报告衔接不上，分页'),
      request: { query: OutliersQuery },
      responses: { 200: json('一页异常', OutlierPageSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { type, page, pageSize, ...filter } = c.req.valid('query');
      const query = { ...filter, ...pageWindow({ page, pageSize }) };
      return c.json(await c.var.services.corpusAnalysis.outliers(type, query), 200);
    },
  );
  app.openapi(
    createRoute({
      ...route('/api/corpus/files/{id}', '报告的原文件（下载）'),
      request: { params: IdParam },
      responses: FILE_RESPONSE,
    }),
    async (c) => download(c, await c.var.services.corpusAnalysis.file(c.req.valid('param').id)),
  );
}

/** A region's 汇总 (as figures and as a document) and the exports. */
function regionRoutes(app: App): void {
  app.openapi(
    createRoute({
      ...route('/api/corpus/regions/{code}/{year}', '一级政府所属各机关年度报告汇总、检查发现和缺报、迟报机关'),
      request: { params: RegionParams, query: RegionQuery },
      responses: { 200: json('汇总', RegionSummarySchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { code, year } = c.req.valid('param');
      const within = c.req.valid('query').within === 'true';
      return c.json(await c.var.services.corpusAnalysis.region(code, year, within), 200);
    },
  );
  app.openapi(
    createRoute({
      ...route('/api/corpus/regions/{code}/{year}/{format}', '汇总按国家格式成文（HTML 或 DOCX）'),
      request: { params: RegionDocumentParams, query: RegionQuery },
      responses: FILE_RESPONSE,
    }),
    async (c) => {
      const { code, year, format } = c.req.valid('param');
      const within = c.req.valid('query').within === 'true';
      const file = await c.var.services.corpusAnalysis.regionDocument(code, year, within, format);
      return download(c, file, format === 'html');
    },
  );
  app.openapi(
    createRoute({
      ...route('/api/corpus/export/{format}', '导出报告数据（CSV、XLSX、Parquet；每份报告一行，每个单元格一列）'),
      request: { params: ExportParam, query: CorpusFilterQuery },
      responses: FILE_RESPONSE,
    }),
    async (c) =>
      download(c, await c.var.services.corpusAnalysis.export(c.req.valid('query'), c.req.valid('param').format)),
  );
}
