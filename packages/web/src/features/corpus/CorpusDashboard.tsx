import { MEASURES, RATE_LABELS, REASON_MEASURE_KEYS } from '@xxgk/core';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { ErrorState, Loading } from '../../components/PageState.js';
import { useFigures, type CorpusFilter, type Figures, type MeasureKey } from './api.js';
import { CorpusChart } from './CorpusChart.js';
import { Filters } from './Filters.js';
import { OutlierList } from './OutlierList.js';
import { RegionSummaryCard } from './RegionSummaryCard.js';
import { ReportsDrawer, type Drill } from './ReportsDrawer.js';

const label = (key: string) => MEASURES.find((m) => m.key === key)?.label ?? key;
const OUTCOMES: MeasureKey[] = ['granted', 'partial', 'denied', 'unable', 'rejected', 'other'];
const REASONS = REASON_MEASURE_KEYS as readonly MeasureKey[];
const CORRECTIONS: { rate: string; measure: MeasureKey }[] = [
  { rate: 'reviewCorrectionRate', measure: 'reviewCorrected' },
  { rate: 'suitCorrectionRate', measure: 'suitCorrected' },
];
const percent = (value: number | null | undefined) => (value == null ? '—' : `${(value * 100).toFixed(1)}%`);

/** Figures of the filtered corpus: totals, charts (each opening its reports), outliers, a region's 汇总. */
export function CorpusDashboard({ base }: { base: string }) {
  const [filter, setFilter] = useState<CorpusFilter>({});
  const [drill, setDrill] = useState<Drill | null>(null);
  const byYear = useFigures(filter, 'year');
  const byRegion = useFigures(filter, 'region');
  if (byYear.isError) return <ErrorState error={byYear.error} />;
  return (
    <>
      <Filters filter={filter} onChange={setFilter} />
      {byYear.data && byRegion.data ? (
        <Charts filter={filter} byYear={byYear.data} byRegion={byRegion.data} onDrill={setDrill} />
      ) : (
        <Loading />
      )}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <OutlierList filter={filter} base={base} />
        </Col>
        <Col xs={24} xl={10}>
          <RegionSummaryCard filter={filter} />
        </Col>
      </Row>
      <ReportsDrawer drill={drill} base={base} onClose={() => setDrill(null)} />
    </>
  );
}

interface ChartsProps {
  readonly filter: CorpusFilter;
  readonly byYear: Figures;
  readonly byRegion: Figures;
  onDrill(drill: Drill): void;
}

function Charts({ filter, byYear, byRegion, onDrill }: ChartsProps) {
  const { totals, groups, rules } = byYear;
  const years = useMemo(() => groups.map((g) => g.label), [groups]);
  const yearOf = (i: number) => Number(groups[i]?.key);
  const drill = useCallback(
    (title: string, query: Omit<Drill['query'], 'page' | 'pageSize'>) =>
      onDrill({ title, query: { ...filter, ...query } }),
    [filter, onDrill],
  );
  const series = useMemo(
    () => ({
      applications: [{ name: label('applications'), values: groups.map((g) => g.measures['applications'] ?? 0) }],
      outcomes: OUTCOMES.map((key) => ({
        name: label(key),
        values: groups.map((g) => g.rates[`${key}Share`] ?? null),
      })),
      reasons: [{ name: '件数', values: REASON_MEASURE_KEYS.map((key) => totals.measures[key] ?? 0) }],
      corrections: CORRECTIONS.map(({ rate }) => ({
        name: RATE_LABELS[rate] ?? rate,
        values: groups.map((g) => g.rates[rate] ?? null),
      })),
      rules: [{ name: '违反的报告数', values: rules.map((r) => r.failures) }],
      regions: [{ name: label('applications'), values: byRegion.groups.map((g) => g.measures['applications'] ?? 0) }],
    }),
    [groups, totals, rules, byRegion],
  );
  const m = totals.measures;
  const stats: [string, string | number][] = [
    ['报告数', m['reports'] ?? 0],
    ['本年新收申请', m['applications'] ?? 0],
    ['每份报告新收申请', totals.rates['applicationsPerReport']?.toFixed(1) ?? '—'],
    ['予以公开占比', percent(totals.rates['grantedShare'])],
    ['行政复议纠正率', percent(totals.rates['reviewCorrectionRate'])],
    ['行政诉讼纠正率', percent(totals.rates['suitCorrectionRate'])],
    ['行政事业性收费（万元）', (m['fees'] ?? 0).toFixed(2)],
  ];
  return (
    <Row gutter={[16, 16]}>
      {stats.map(([title, value]) => (
        <Col key={title} xs={12} md={6} xl={3}>
          <Card size="small">
            <Statistic title={title} value={value} />
          </Card>
        </Col>
      ))}
      <Col xs={24} xl={12}>
        <Card size="small" title="历年新收政府信息公开申请">
          <CorpusChart
            title="历年新收政府信息公开申请"
            categories={years}
            series={series.applications}
            onPick={(i) => drill(`${years[i]}新收申请`, { year: yearOf(i), measure: 'applications' })}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title="办理结果占比">
          <CorpusChart
            title="办理结果占比"
            categories={years}
            series={series.outcomes}
            percent
            onPick={(i, s) =>
              drill(`${years[i]}${label(OUTCOMES[s] ?? '')}`, { year: yearOf(i), measure: OUTCOMES[s] })
            }
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title="不予公开、无法提供、不予处理的理由">
          <CorpusChart
            title="不予公开、无法提供、不予处理的理由"
            categories={REASON_MEASURE_KEYS.map(label)}
            series={series.reasons}
            horizontal
            height={420}
            onPick={(i) => drill(label(REASONS[i] ?? ''), { measure: REASONS[i] })}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title="行政复议、行政诉讼纠正率">
          <CorpusChart
            title="行政复议、行政诉讼纠正率"
            categories={years}
            series={series.corrections}
            type="line"
            percent
            height={200}
            onPick={(i, s) =>
              drill(`${years[i]}${RATE_LABELS[CORRECTIONS[s]?.rate ?? ''] ?? ''}`, {
                year: yearOf(i),
                measure: CORRECTIONS[s]?.measure,
              })
            }
          />
        </Card>
        <Card size="small" title="各地区新收申请" style={{ marginTop: 16 }}>
          <CorpusChart
            title="各地区新收申请"
            categories={byRegion.groups.map((g) => g.label)}
            series={series.regions}
            height={180}
            onPick={(i) => {
              const group = byRegion.groups[i];
              if (group?.key) drill(`${group.label}新收申请`, { region: group.key, measure: 'applications' });
            }}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title="规则违反情况（违反的报告数）">
          {rules.length === 0 ? (
            <Typography.Text type="secondary">所选范围内没有报告违反规则。</Typography.Text>
          ) : (
            <CorpusChart
              title="规则违反情况"
              categories={rules.map((r) => `${r.title}（${percent(r.rate)}）`)}
              series={series.rules}
              horizontal
              height={Math.max(160, rules.length * 32)}
              onPick={(i) => drill(rules[i]?.title ?? '', { rule: rules[i]?.id })}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
