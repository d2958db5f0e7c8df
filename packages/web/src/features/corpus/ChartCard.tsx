import { Card, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { CorpusChart, type CorpusChartProps } from './CorpusChart.js';
import type { Drill } from './ReportsDrawer.js';

/** The reports behind one bar or point, before the dashboard's filter is added. */
export interface ReportsLink {
  readonly title: string;
  readonly query: Omit<Drill['query'], 'page' | 'pageSize'>;
}

export interface ChartCardSpec extends Omit<CorpusChartProps, 'onPick'> {
  /** The card's heading, where it says more than the figure's own name. */
  readonly heading?: string;
  /** Said instead of the figure when there is nothing to draw. */
  readonly empty?: string;
  /** The reports behind a clicked bar or point (none: the click opens nothing). */
  reports(category: number, series: number): ReportsLink | undefined;
}

interface Props extends ChartCardSpec {
  readonly style?: CSSProperties;
  onDrill(link: ReportsLink): void;
}

/** One figure of the corpus dashboard in its card: every bar and point opens the reports behind it. */
export function ChartCard({ heading, empty, style, reports, onDrill, ...chart }: Props) {
  return (
    <Card size="small" title={heading ?? chart.title} style={style}>
      {empty ? (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      ) : (
        <CorpusChart
          {...chart}
          onPick={(category, series) => {
            const link = reports(category, series);
            if (link) onDrill(link);
          }}
        />
      )}
    </Card>
  );
}
