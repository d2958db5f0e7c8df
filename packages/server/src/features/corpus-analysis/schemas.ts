import { z } from '@hono/zod-openapi';
import { MEASURE_KEYS, ORGAN_KIND_LABELS, ORGAN_LEVEL_LABELS } from '@xxgk/core';
import { Paging } from '../../http/openapi.js';
import { FindingSchema, ReportSchema } from '../reports/schemas.js';

/* The corpus analysis's requests and answers (GET /api/corpus/…), as CorpusAnalysisService builds them. */

const Year = z.coerce.number().int().min(2008).max(2100);
const RegionCode = z
  .string()
  .regex(/^\d{2}(?:\d{2}){0,2}$/u, '行政区划代码应为 2 位（省）、4 位（市）或 6 位（县）数字');
const levels = Object.keys(ORGAN_LEVEL_LABELS) as [string, ...string[]];
const kinds = Object.keys(ORGAN_KIND_LABELS) as [string, ...string[]];

export const CorpusFilterQuery = z.object({
  year: Year.optional().openapi({ description: '报告所述年度' }),
  region: RegionCode.optional().openapi({ description: '行政区划代码前缀：33 浙江省，3301 杭州市，330102 上城区' }),
  level: z
    .enum(levels)
    .optional()
    .openapi({ description: 'province 省级，prefecture 市级，county 县级，township 乡级' }),
  kind: z.enum(kinds).optional().openapi({ description: 'government 政府，department 部门' }),
});

export const FiguresQuery = CorpusFilterQuery.extend({
  by: z.enum(['year', 'region', 'level', 'kind']).default('year').openapi({
    description: '分组：year 年度，region 下一级行政区划，level 层级，kind 机关类别',
  }),
});

export const ReportsQuery = CorpusFilterQuery.extend({
  measure: z
    .enum(MEASURE_KEYS as [string, ...string[]])
    .optional()
    .openapi({ description: '只列该指标大于 0 的报告，并给出其数值' }),
  rule: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/u, '规则编号应为小写字母、数字和连字符')
    .optional()
    .openapi({ description: '只列违反该规则的报告' }),
  ...Paging,
});

export const OutlierKindSchema = z.enum(['jump', 'impossible', 'carryover']);
export const OutliersQuery = CorpusFilterQuery.extend({
  type: OutlierKindSchema.openapi({
    description: 'jump 新收申请较上年相差十倍以上，impossible 违反错误级规则，carryover 与上年报告衔接不上',
  }),
  ...Paging,
});

export const ExportParam = z.object({ format: z.enum(['csv', 'xlsx', 'parquet']) });
export const ReportIdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,17}$/u, '报告编号应为正整数')
    .openapi({ param: { name: 'id', in: 'path' } }),
});
export const RegionParams = z.object({ code: RegionCode, year: Year });
export const RegionQuery = z.object({
  within: z
    .enum(['true', 'false'])
    .default('false')
    .openapi({ description: 'true：含下辖地区的机关；false：只含本级机关' }),
});
export const RegionDocumentParams = RegionParams.extend({ format: z.enum(['html', 'docx']) });

const Numbers = z.record(z.string(), z.number());
const Rates = z.record(z.string(), z.number().nullable());

export const FiguresSchema = z
  .object({
    by: z.string(),
    groups: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        measures: Numbers.openapi({ description: '各指标之和，键为 core 的 MEASURES' }),
        rates: Rates,
        rules: Numbers.openapi({ description: '违反各规则的报告数' }),
      }),
    ),
    totals: z.object({ measures: Numbers, rates: Rates }),
    rules: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        severity: z.enum(['error', 'warning', 'info']),
        failures: z.number(),
        rate: z.number().nullable(),
      }),
    ),
  })
  .openapi('CorpusFigures');

const Option = z.object({ value: z.string(), label: z.string() });
const RegionOption = Option.extend({ children: z.array(Option.extend({ children: z.array(Option) })) });
export const ChoicesSchema = z
  .object({
    years: z.array(z.number()),
    regions: z.array(RegionOption),
    levels: z.array(Option),
    kinds: z.array(Option),
    measures: z.array(z.object({ key: z.string(), label: z.string() })),
  })
  .openapi('CorpusChoices');

export const ReportPageSchema = z
  .object({
    total: z.number(),
    items: z.array(
      z.object({
        id: z.string(),
        organName: z.string(),
        year: z.number(),
        version: z.number(),
        format: z.string(),
        regionCode: z.string().nullable(),
        regionName: z.string(),
        level: z.string().nullable(),
        kind: z.string(),
        fileId: z.number(),
        failedRules: z.array(z.string()),
        value: z.number().openapi({ description: '所选指标在该报告中的数值' }),
      }),
    ),
  })
  .openapi('CorpusReportPage');

const Finding = FindingSchema;
const ReportModel = ReportSchema;

export const CorpusReportSchema = z
  .object({
    id: z.string(),
    organId: z.number(),
    organName: z.string(),
    year: z.number(),
    version: z.number(),
    current: z.boolean(),
    format: z.string(),
    regionCode: z.string().nullable(),
    level: z.string().nullable(),
    kind: z.string(),
    report: ReportModel,
    findings: z.array(Finding),
    sources: z.record(z.string(), z.unknown()).openapi({ description: '各单元格在原文中的出处' }),
    meta: z.record(z.string(), z.unknown()),
    file: z.object({ id: z.number(), name: z.string(), mediaType: z.string(), size: z.number() }),
  })
  .openapi('CorpusReport');

export const OutlierPageSchema = z
  .object({
    total: z.number(),
    items: z.array(
      z.object({
        kind: OutlierKindSchema,
        id: z.string(),
        previousId: z.string().nullable(),
        organName: z.string(),
        year: z.number(),
        regionCode: z.string().nullable(),
        details: z.record(z.string(), z.number().nullable()),
        failedRules: z.array(z.string()),
        reason: z.string(),
      }),
    ),
  })
  .openapi('CorpusOutlierPage');

const OrganRef = z.object({ organId: z.number(), organName: z.string() });
export const RegionSummarySchema = z
  .object({
    region: z.object({ code: z.string(), name: z.string() }),
    year: z.number(),
    within: z.boolean(),
    deadline: z.string(),
    reports: z.number(),
    report: ReportModel,
    findings: z.array(Finding),
    missing: z.array(OrganRef).openapi({ description: '语料库中有、本年度没有报告的机关' }),
    late: z.array(OrganRef.extend({ reportId: z.string(), publishedOn: z.string() })),
  })
  .openapi('CorpusRegionSummary');
