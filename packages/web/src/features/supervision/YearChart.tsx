import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface YearSeries {
  readonly year: number;
  readonly values: readonly number[];
}

interface Props {
  readonly title: string;
  /** Category labels (办理结果 or applicant kinds). */
  readonly categories: readonly string[];
  /** One series per year, values in the order of `categories`. */
  readonly series: readonly YearSeries[];
  readonly height?: number;
}

/** Horizontal bars, one colour per year: how the year compares with the years before it. */
export function YearChart({ title, categories, series, height = 320 }: Props) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      // Drawn at once: growing bars say nothing to a supervisor and make a screenshot show half-drawn bars.
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: series.map((s) => `${s.year}年`) },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: [...categories],
        axisLabel: { width: 190, overflow: 'truncate' },
      },
      series: series.map((s) => ({ name: `${s.year}年`, type: 'bar', data: [...s.values], barMaxWidth: 12 })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [categories, series]);
  return <div ref={element} role="img" aria-label={title} className="year-chart" style={{ width: '100%', height }} />;
}
