import { S2_BLOCKS, S3_OUTCOME_GROUPS } from './cells.js';
import type { Cells } from './schema.js';

/**
 * The measures the corpus analysis adds up over many reports (issue 15): each one is the sum of
 * some cells of one report, so a group's figure is the sum of its reports' measures. Defined here
 * once; the server's summary table, its drill-down lists and the web's charts all name them by key.
 */
export interface Measure {
  /** Stable key: the summary table's `measure` column and the API's `measure` parameter. */
  readonly key: string;
  /** The Chinese name the dashboard shows. */
  readonly label: string;
  /** The cells whose values add up to the measure (absent and blank cells count as 0). */
  readonly cells: readonly string[];
}

const reasonMeasures: Measure[] = S3_OUTCOME_GROUPS.filter((group) =>
  ['denied', 'unable', 'rejected'].includes(group.key),
).flatMap((group) =>
  (group.subRows?.['2021'] ?? []).map((sub) => ({
    key: `${group.key}.${sub.key}`,
    label: `${group.label.replace(/（.）/u, '')}·${sub.label.replace(/^\d+\./u, '')}`,
    cells: [`s3.${group.key}.${sub.key}.total`],
  })),
);

/** The 不予公开 / 无法提供 / 不予处理 reasons, each a measure: the dashboard's refusals by reason. */
export const REASON_MEASURE_KEYS: readonly string[] = reasonMeasures.map((m) => m.key);

const OTHER_CELLS = [
  's3.other.total',
  's3.other.noCorrection.total',
  's3.other.unpaidFee.total',
  's3.other.other.total',
];
const group = (key: string): string[] =>
  reasonMeasures.filter((m) => m.key.startsWith(`${key}.`)).flatMap((m) => m.cells);

export const MEASURES: readonly Measure[] = [
  { key: 'reports', label: '报告数', cells: [] },
  { key: 'applications', label: '本年新收申请', cells: ['s3.new.total'] },
  { key: 'carriedIn', label: '上年结转申请', cells: ['s3.carriedIn.total'] },
  { key: 'handled', label: '办理结果总计', cells: ['s3.total.total'] },
  { key: 'granted', label: '予以公开', cells: ['s3.granted.total'] },
  { key: 'partial', label: '部分公开', cells: ['s3.partial.total'] },
  { key: 'denied', label: '不予公开', cells: group('denied') },
  { key: 'unable', label: '无法提供', cells: group('unable') },
  { key: 'rejected', label: '不予处理', cells: group('rejected') },
  { key: 'other', label: '其他处理', cells: OTHER_CELLS },
  ...reasonMeasures,
  { key: 'review', label: '行政复议', cells: ['s4.review.total'] },
  { key: 'reviewCorrected', label: '行政复议·结果纠正', cells: ['s4.review.corrected'] },
  { key: 'suit', label: '行政诉讼', cells: ['s4.suit.total', 's4.suitAfterReview.total'] },
  { key: 'suitCorrected', label: '行政诉讼·结果纠正', cells: ['s4.suit.corrected', 's4.suitAfterReview.corrected'] },
  // 2021 format: 本年收费金额; 2019 format reports fee items, not amounts, and count as 0.
  { key: 'fees', label: '行政事业性收费（万元）', cells: feeCells() },
];

function feeCells(): string[] {
  return S2_BLOCKS['2021']
    .flatMap((block) => block.rows)
    .filter((row) => row.key === 'fees')
    .flatMap((row) => row.columns.filter((c) => c.kind === 'money').map((c) => `s2.${row.key}.${c.key}`));
}

export const MEASURE_KEYS: readonly string[] = MEASURES.map((m) => m.key);

export function measureByKey(key: string): Measure | undefined {
  return MEASURES.find((m) => m.key === key);
}

/** A measure of one report's cells (the `reports` measure is 1: the report itself). */
export function measureValue(measure: Measure, cells: Cells): number {
  if (measure.key === 'reports') return 1;
  return measure.cells.reduce((sum, id) => sum + (cells[id] ?? 0), 0);
}

/** A share in [0, 1], or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * The rates the dashboard shows, from a group's measure sums: outcomes as shares of all handled
 * applications, corrections as shares of the cases, applications per report (per organ-year).
 */
export function measureRates(sums: Readonly<Record<string, number>>): Record<string, number | null> {
  const get = (key: string): number => sums[key] ?? 0;
  return {
    applicationsPerReport: ratio(get('applications'), get('reports')),
    grantedShare: ratio(get('granted'), get('handled')),
    partialShare: ratio(get('partial'), get('handled')),
    deniedShare: ratio(get('denied'), get('handled')),
    unableShare: ratio(get('unable'), get('handled')),
    rejectedShare: ratio(get('rejected'), get('handled')),
    otherShare: ratio(get('other'), get('handled')),
    reviewCorrectionRate: ratio(get('reviewCorrected'), get('review')),
    suitCorrectionRate: ratio(get('suitCorrected'), get('suit')),
  };
}

export const RATE_LABELS: Readonly<Record<string, string>> = {
  applicationsPerReport: '每份报告（机关年度）新收申请',
  grantedShare: '予以公开占比',
  partialShare: '部分公开占比',
  deniedShare: '不予公开占比',
  unableShare: '无法提供占比',
  rejectedShare: '不予处理占比',
  otherShare: '其他处理占比',
  reviewCorrectionRate: '行政复议纠正率',
  suitCorrectionRate: '行政诉讼纠正率',
};

/**
 * Many reports' tables added up cell by cell (a government's 汇总 of its organs): a cell is in the
 * sum when any report has a number in it; blank and absent cells add nothing. Money keeps its
 * cents (万元 to four places) without floating-point dust.
 */
export function sumReportCells(reports: readonly Cells[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const cells of reports) {
    for (const [id, value] of Object.entries(cells)) {
      if (typeof value === 'number') sum[id] = (sum[id] ?? 0) + value;
    }
  }
  for (const id of Object.keys(sum)) sum[id] = Math.round((sum[id] ?? 0) * 1e4) / 1e4;
  return sum;
}

/**
 * A year-over-year jump worth a look: a count at least `factor` times the other year's (or the
 * other year 0) and at least `minimum` cases, in either direction.
 */
export const JUMP = { factor: 10, minimum: 50 } as const;

export function isJump(before: number, after: number): boolean {
  const [low, high] = before <= after ? [before, after] : [after, before];
  return high >= JUMP.minimum && high >= JUMP.factor * Math.max(low, 1);
}

/** The corpus's organ levels (core's OrganLevel) and kinds as the dashboard names them. */
export const ORGAN_LEVEL_LABELS: Readonly<Record<string, string>> = {
  province: '省级',
  prefecture: '市级',
  county: '县级',
  township: '乡级',
};
export const ORGAN_KIND_LABELS: Readonly<Record<string, string>> = { government: '政府', department: '部门' };
