import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

export interface CorpusChartProps {
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly type?: 'bar' | 'line';
  /** Bars across (long category names: reasons, rules). */
  readonly horizontal?: boolean;
  /** Stacked shares, values in [0, 1], shown as percentages. */
  readonly percent?: boolean;
  readonly height?: number;
  /** A point was clicked: the reports behind it are wanted. */
  onPick(category: number, series: number): void;
}

const percentText = (value: number) => `${(value * 100).toFixed(1)}%`;

/** One figure of the corpus dashboard: every bar and point opens the reports behind it. */
export function CorpusChart({
  title,
  categories,
  series,
  type = 'bar',
  horizontal,
  percent,
  height = 300,
  onPick,
}: CorpusChartProps) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    const valueAxis = {
      type: 'value',
      ...(percent ? { axisLabel: { formatter: percentText }, max: type === 'line' ? undefined : 1 } : {}),
    };
    const categoryAxis = {
      type: 'category',
      data: [...categories],
      inverse: horizontal,
      axisLabel: { width: 170, overflow: 'truncate' },
    };
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: 'axis',
        ...(percent ? { valueFormatter: (v: number | null) => (v === null ? '—' : percentText(v)) } : {}),
      },
      legend: series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined,
      grid: { left: 8, right: 24, top: series.length > 1 ? 56 : 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: series.map((s) => ({
        name: s.name,
        type,
        data: [...s.values],
        barMaxWidth: 28,
        ...(percent && type === 'bar' ? { stack: 'share' } : {}),
        ...(type === 'line' ? { symbolSize: 10, connectNulls: false } : {}),
      })),
    });
    chart.on('click', (event) => onPick(event.dataIndex, event.seriesIndex ?? 0));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [categories, series, type, horizontal, percent, onPick]);
  return <div ref={element} role="img" aria-label={title} style={{ width: '100%', height, cursor: 'pointer' }} />;
}
