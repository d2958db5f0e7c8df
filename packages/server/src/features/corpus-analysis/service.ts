import {
  MEASURES,
  ORGAN_KIND_LABELS,
  ORGAN_LEVEL_LABELS,
  REGIONS,
  RULES,
  measureRates,
  ruleById,
  type Finding,
} from '@xxgk/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { findOutliers, type OutlierQuery } from './outliers/repository.js';
import { ERROR_RULES, type OutlierKind } from './outliers/rules.js';
import { findFile, findReport, listReports, type CorpusFilter, type ReportListQuery } from './repository.js';
import {
  childCodeLength,
  refreshCorpusSummaries,
  summaryChoices,
  summarySums,
  type GroupBy,
} from './summary/repository.js';
import { exportCorpus, type ExportKind } from './exports.js';
import { regionDocument, regionSummary } from './region.js';
import { corpusReport } from './report.js';

export { ERROR_RULES, refreshCorpusSummaries };

const RULE_PREFIX = 'rule:';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The Chinese name of a group's key: a year, a place, a level or a kind. */
export function groupLabel(by: GroupBy, key: string | null, filter: CorpusFilter = {}): string {
  if (key === null || key === '') return by === 'region' ? '未识别地区' : '未识别';
  switch (by) {
    case 'year':
      return `${key}年`;
    case 'region': {
      const name = REGIONS.get(key)?.name ?? key;
      // A prefecture's own organs beside its counties: 杭州市本级.
      return key.length < childCodeLength(filter.region) ? `${name}本级` : name;
    }
    case 'level':
      return ORGAN_LEVEL_LABELS[key] ?? key;
    case 'kind':
      return ORGAN_KIND_LABELS[key] ?? key;
  }
}

/** The published corpus, read-only: anyone may read it, so nothing here asks who is asking. */
/**
 * A sum as printed: fees are 万元 with at most four decimals, and adding them up as binary
 * fractions leaves 851.2199999999999 depending on the order rows arrive in.
 */
const exact = (value: number): number => Math.round(value * 1e6) / 1e6;

export class CorpusAnalysisService {
  constructor(private readonly db: Kysely<Database>) {}

  refresh(years?: readonly number[]) {
    return refreshCorpusSummaries(this.db, { ...(years ? { years } : {}), whole: true });
  }

  /** Every measure, rate and rule failure count, grouped by year, place, level or kind. */
  async figures(filter: CorpusFilter, by: GroupBy) {
    const rows = await summarySums(this.db, filter, by);
    const groups = new Map<string, { measures: Record<string, number>; rules: Record<string, number> }>();
    const overall: Record<string, number> = {};
    for (const row of rows) {
      const group = groups.get(row.key ?? '') ?? { measures: {}, rules: {} };
      groups.set(row.key ?? '', group);
      if (row.measure.startsWith(RULE_PREFIX)) group.rules[row.measure.slice(RULE_PREFIX.length)] = row.value;
      else group.measures[row.measure] = row.value;
      overall[row.measure] = (overall[row.measure] ?? 0) + row.value;
    }
    const reports = overall['reports'] ?? 0;
    const order = (a: string, b: string) => (by === 'year' ? Number(a) - Number(b) : a.localeCompare(b));
    return {
      by,
      groups: [...groups.entries()]
        .sort(([a], [b]) => order(a, b))
        .map(([key, group]) => {
          const measures = Object.fromEntries(MEASURES.map((m) => [m.key, exact(group.measures[m.key] ?? 0)]));
          return {
            key,
            label: groupLabel(by, key, filter),
            measures,
            rates: measureRates(measures),
            rules: group.rules,
          };
        }),
      totals: {
        measures: Object.fromEntries(MEASURES.map((m) => [m.key, exact(overall[m.key] ?? 0)])),
        rates: measureRates(overall),
      },
      rules: RULES.map((rule) => {
        const failures = overall[`${RULE_PREFIX}${rule.id}`] ?? 0;
        return {
          id: rule.id,
          title: rule.title,
          severity: rule.severity,
          failures,
          rate: reports ? failures / reports : null,
        };
      })
        .filter((rule) => rule.failures > 0)
        .sort((a, b) => b.failures - a.failures || a.id.localeCompare(b.id)),
    };
  }

  /** What the filters may choose from: years, places (as a tree), levels, kinds, measures. */
  async choices() {
    const rows = await summaryChoices(this.db);
    const codes = new Set<string>();
    for (const code of rows.regions) {
      for (const length of [2, 4, 6]) if (code.length >= length) codes.add(code.slice(0, length));
    }
    const children = new Map<string, string[]>();
    for (const code of [...codes].sort()) {
      if (code.length > 2) children.set(code.slice(0, -2), [...(children.get(code.slice(0, -2)) ?? []), code]);
    }
    const node = (code: string) => ({ value: code, label: REGIONS.get(code)?.name ?? code });
    const regions = [...codes]
      .filter((c) => c.length === 2)
      .sort()
      .map((p) => ({
        ...node(p),
        children: (children.get(p) ?? []).map((c) => ({ ...node(c), children: (children.get(c) ?? []).map(node) })),
      }));
    return {
      years: rows.years,
      regions,
      levels: rows.levels.filter(Boolean).map((value) => ({ value, label: ORGAN_LEVEL_LABELS[value] ?? value })),
      kinds: rows.kinds.map((value) => ({ value, label: ORGAN_KIND_LABELS[value] ?? value })),
      measures: MEASURES.map(({ key, label }) => ({ key, label })),
    };
  }

  /** The reports behind a figure, a page at a time. */
  async reports(query: ReportListQuery) {
    const page = await listReports(this.db, query);
    return {
      total: page.total,
      items: page.items.map((row) => ({
        ...row,
        regionName: row.regionCode ? (REGIONS.get(row.regionCode)?.name ?? row.regionCode) : '未识别地区',
      })),
    };
  }

  /** One report: its figures in core's model, findings, each cell's source, and its file. */
  async report(id: string) {
    const row = await findReport(this.db, id);
    if (!row) throw notFound('报告');
    const meta = row.meta as Record<string, unknown>;
    return {
      id: String(row.id),
      organId: row.organId,
      organName: row.organName,
      year: row.year,
      version: row.version,
      current: row.current,
      format: row.format,
      regionCode: row.regionCode,
      level: row.level,
      kind: row.kind,
      report: corpusReport(row.organName, row.year, row.format, row.figures),
      findings: row.findings as Finding[],
      sources: row.sources,
      meta,
      file: { id: row.fileId, name: row.fileName, mediaType: row.mediaType, size: row.size },
    };
  }

  async file(id: number) {
    const file = await findFile(this.db, id);
    if (!file?.content) throw notFound('文件');
    return { name: file.fileName, mediaType: file.mediaType, bytes: file.content };
  }

  /** Outliers of one kind, a page at a time, each with what makes it one in Chinese. */
  async outliers(kind: OutlierKind, query: OutlierQuery) {
    const page = await findOutliers(this.db, kind, query);
    return {
      total: page.total,
      items: page.items.map((row) => ({ ...row, kind, reason: outlierReason(kind, row.details, row.failedRules) })),
    };
  }

  region(code: string, year: number, within: boolean) {
    return regionSummary(this.db, code, year, within);
  }

  async regionDocument(code: string, year: number, within: boolean, kind: 'html' | 'docx') {
    const summary = await regionSummary(this.db, code, year, within);
    const file = await regionDocument(summary, kind);
    return { ...file, mediaType: kind === 'html' ? 'text/html; charset=utf-8' : DOCX };
  }

  export(filter: CorpusFilter, kind: ExportKind) {
    return exportCorpus(this.db, filter, kind);
  }
}

type Details = Record<string, number | null>;

/** Why a report is an outlier, as the list says it. */
export function outlierReason(kind: OutlierKind, d: Details, failedRules: readonly string[]): string {
  if (kind === 'jump') return `本年新收申请 ${d['after'] ?? 0} 件，上年 ${d['before'] ?? 0} 件，相差十倍以上`;
  if (kind === 'impossible') {
    const titles = failedRules.filter((id) => ERROR_RULES.includes(id)).map((id) => ruleById(id)?.title ?? id);
    return `违反错误级规则：${titles.join('；')}`;
  }
  const parts: string[] = [];
  if (d['carriedIn'] !== null && d['carriedOutBefore'] !== null && d['carriedIn'] !== d['carriedOutBefore']) {
    parts.push(`上年结转 ${d['carriedIn']} 件，上年报告结转下年度 ${d['carriedOutBefore']} 件`);
  }
  for (const [key, label] of [
    ['regulations', '规章'],
    ['normativeDocs', '行政规范性文件'],
  ] as const) {
    const actual = d[`${key}InForce`];
    const expected = d[`${key}Expected`];
    if (actual != null && expected != null && actual !== expected) {
      parts.push(`${label}现行有效 ${actual} 件，按上年现行有效加制发减废止应为 ${expected} 件`);
    }
  }
  return parts.join('；');
}
