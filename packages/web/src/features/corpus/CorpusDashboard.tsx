import { Card, Col, Row, Statistic } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { ErrorState, Loading } from '../../components/PageState.js';
import { useFigures, type CorpusFilter, type Figures } from './api.js';
import { ChartCard, type ReportsLink } from './ChartCard.js';
import { chartCards, percent } from './chartCards.js';
import { Filters } from './Filters.js';
import { OutlierList } from './OutlierList.js';
import { RegionSummaryCard } from './RegionSummaryCard.js';
import { ReportsDrawer, type Drill } from './ReportsDrawer.js';

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
  const cards = useMemo(() => chartCards(byYear, byRegion), [byYear, byRegion]);
  const drill = useCallback(
    ({ title, query }: ReportsLink) => onDrill({ title, query: { ...filter, ...query } }),
    [filter, onDrill],
  );
  return (
    <Row gutter={[16, 16]}>
      <Totals totals={byYear.totals} />
      <Col xs={24} xl={12}>
        <ChartCard {...cards.applications} onDrill={drill} />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard {...cards.outcomes} onDrill={drill} />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard {...cards.reasons} onDrill={drill} />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard {...cards.corrections} onDrill={drill} />
        <ChartCard {...cards.regions} onDrill={drill} style={{ marginTop: 16 }} />
      </Col>
      <Col xs={24}>
        <ChartCard {...cards.rules} onDrill={drill} />
      </Col>
    </Row>
  );
}

/** The filtered corpus's totals, one small card each. */
function Totals({ totals }: { totals: Figures['totals'] }) {
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
  return stats.map(([title, value]) => (
    <Col key={title} xs={12} md={6} xl={3}>
      <Card size="small">
        <Statistic title={title} value={value} />
      </Card>
    </Col>
  ));
}
