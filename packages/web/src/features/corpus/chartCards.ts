import { MEASURES, RATE_LABELS, REASON_MEASURE_KEYS } from '@xxgk/core';
import type { Figures, MeasureKey } from './api.js';
import type { ChartCardSpec } from './ChartCard.js';

const label = (key: string) => MEASURES.find((m) => m.key === key)?.label ?? key;
const OUTCOMES: MeasureKey[] = ['granted', 'partial', 'denied', 'unable', 'rejected', 'other'];
const REASONS = REASON_MEASURE_KEYS as readonly MeasureKey[];
const CORRECTIONS: { rate: string; measure: MeasureKey }[] = [
  { rate: 'reviewCorrectionRate', measure: 'reviewCorrected' },
  { rate: 'suitCorrectionRate', measure: 'suitCorrected' },
];

export const percent = (value: number | null | undefined) => (value == null ? '—' : `${(value * 100).toFixed(1)}%`);

export type ChartName = 'applications' | 'outcomes' | 'reasons' | 'corrections' | 'regions' | 'rules';

/** The dashboard's figures by year: what each draws and which reports each bar or point opens. */
function yearCards({ groups }: Figures): Record<'applications' | 'outcomes' | 'corrections', ChartCardSpec> {
  const years = groups.map((g) => g.label);
  const yearOf = (i: number) => Number(groups[i]?.key);
  return {
    applications: {
      title: '历年新收政府信息公开申请',
      categories: years,
      series: [{ name: label('applications'), values: groups.map((g) => g.measures['applications'] ?? 0) }],
      reports: (i) => ({ title: `${years[i]}新收申请`, query: { year: yearOf(i), measure: 'applications' } }),
    },
    outcomes: {
      title: '办理结果占比',
      categories: years,
      series: OUTCOMES.map((key) => ({ name: label(key), values: groups.map((g) => g.rates[`${key}Share`] ?? null) })),
      percent: true,
      reports: (i, s) => ({
        title: `${years[i]}${label(OUTCOMES[s] ?? '')}`,
        query: { year: yearOf(i), measure: OUTCOMES[s] },
      }),
    },
    corrections: {
      title: '行政复议、行政诉讼纠正率',
      categories: years,
      series: CORRECTIONS.map(({ rate }) => ({
        name: RATE_LABELS[rate] ?? rate,
        values: groups.map((g) => g.rates[rate] ?? null),
      })),
      type: 'line',
      percent: true,
      height: 200,
      reports: (i, s) => ({
        title: `${years[i]}${RATE_LABELS[CORRECTIONS[s]?.rate ?? ''] ?? ''}`,
        query: { year: yearOf(i), measure: CORRECTIONS[s]?.measure },
      }),
    },
  };
}

/** Every chart card of the dashboard, from the figures by year and by region. */
export function chartCards(byYear: Figures, byRegion: Figures): Record<ChartName, ChartCardSpec> {
  const { totals, rules } = byYear;
  return {
    ...yearCards(byYear),
    reasons: {
      title: '不予公开、无法提供、不予处理的理由',
      categories: REASON_MEASURE_KEYS.map(label),
      series: [{ name: '件数', values: REASON_MEASURE_KEYS.map((key) => totals.measures[key] ?? 0) }],
      horizontal: true,
      height: 420,
      reports: (i) => ({ title: label(REASONS[i] ?? ''), query: { measure: REASONS[i] } }),
    },
    regions: {
      title: '各地区新收申请',
      categories: byRegion.groups.map((g) => g.label),
      series: [{ name: label('applications'), values: byRegion.groups.map((g) => g.measures['applications'] ?? 0) }],
      height: 180,
      reports: (i) => {
        const group = byRegion.groups[i];
        return group?.key
          ? { title: `${group.label}新收申请`, query: { region: group.key, measure: 'applications' } }
          : undefined;
      },
    },
    rules: {
      title: '规则违反情况',
      heading: '规则违反情况（违反的报告数）',
      empty: rules.length === 0 ? '所选范围内没有报告违反规则。' : undefined,
      categories: rules.map((r) => `${r.title}（${percent(r.rate)}）`),
      series: [{ name: '违反的报告数', values: rules.map((r) => r.failures) }],
      horizontal: true,
      height: Math.max(160, rules.length * 32),
      reports: (i) => ({ title: rules[i]?.title ?? '', query: { rule: rules[i]?.id } }),
    },
  };
}
