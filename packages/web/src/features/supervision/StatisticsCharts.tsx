import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { ErrorState, Loading } from '../../components/PageState.js';
import { statistics } from './api.js';
import type { Statistics, YearFigures } from './types.js';
import { YearChart } from './YearChart.js';

/**
 * One bar series per year, only for the years with something to show in this chart: a year
 * without data drawn as a row of zeros reads as “nothing happened” rather than “no records”.
 */
function seriesOf(stats: Statistics, keys: readonly string[], field: 'outcomes' | 'applicantKinds') {
  return stats.total
    .map((figures: YearFigures) => ({
      year: figures.year,
      values: keys.map((key) => figures[field][key] ?? 0),
    }))
    .filter((series) => series.values.some((value) => value > 0));
}

const NO_DATA = '暂无数据';

/** 依申请公开 under the government, summed: 办理结果 and applicant kinds, the year beside the years before. */
export function StatisticsCharts({ year }: { year: number }) {
  const query = useQuery({ queryKey: ['supervision', year, 'statistics'], queryFn: () => statistics(year) });
  const charts = useMemo(() => {
    const stats = query.data;
    if (!stats) return null;
    // Only the 办理结果 some year has, so the bars stay readable; applicant kinds are few, all shown.
    const outcomes = stats.outcomeLabels.filter(({ key }) => stats.total.some((y) => (y.outcomes[key] ?? 0) > 0));
    return {
      outcomes: {
        categories: outcomes.map((o) => o.label),
        series: seriesOf(
          stats,
          outcomes.map((o) => o.key),
          'outcomes',
        ),
      },
      kinds: {
        categories: stats.applicantKindLabels.map((k) => k.label),
        series: seriesOf(
          stats,
          stats.applicantKindLabels.map((k) => k.key),
          'applicantKinds',
        ),
      },
      summary:
        stats.total
          .filter((y) => y.received > 0 || y.concluded > 0)
          .map((y) => `${y.year}年收到申请 ${y.received} 件、办结 ${y.concluded} 件`)
          .join('；') || NO_DATA,
    };
  }, [query.data]);

  if (query.isLoading) return <Loading tip="正在统计……" />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!charts) return null;
  return (
    <Row gutter={16}>
      <Col span={14}>
        <Card size="small" title="办理结果（按办结年度，各机关合计）" data-chart="outcomes">
          {charts.outcomes.series.length === 0 ? (
            <Typography.Text type="secondary">{NO_DATA}：这几年没有办结的申请。</Typography.Text>
          ) : (
            <YearChart
              title={`办理结果：${charts.summary}`}
              categories={charts.outcomes.categories}
              series={charts.outcomes.series}
              height={Math.max(240, charts.outcomes.categories.length * 34 + 60)}
            />
          )}
        </Card>
      </Col>
      <Col span={10}>
        <Card size="small" title="申请人类型（按收到申请年度，各机关合计）" data-chart="applicantKinds">
          {charts.kinds.series.length === 0 ? (
            <Typography.Text type="secondary">{NO_DATA}：这几年没有收到申请。</Typography.Text>
          ) : (
            <YearChart
              title={`申请人类型：${charts.summary}`}
              categories={charts.kinds.categories}
              series={charts.kinds.series}
            />
          )}
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {charts.summary}
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}
