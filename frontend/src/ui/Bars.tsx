// A bar chart drawn by Chartist (a small, well-kept SVG chart library), loaded only with
// the dashboards. The figures are also said in words (role="img" with its label) and
// listed in a table under "Data", so nothing is only a picture.
import 'chartist/dist/index.css';
import { BarChart } from 'chartist';
import { useEffect, useRef } from 'preact/hooks';
import { spoken, type Series } from '../screens/dashboard';

export function Bars({ series, title, horizontal = false }: { series: Series; title: string; horizontal?: boolean }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = new BarChart(
      el.current,
      { labels: series.labels, series: [series.values] },
      {
        horizontalBars: horizontal,
        reverseData: horizontal,
        height: horizontal ? Math.max(120, series.labels.length * 28) : 200,
        axisX: horizontal ? { onlyInteger: true } : { showGrid: false },
        axisY: horizontal ? { offset: 96, showGrid: false } : { onlyInteger: true, offset: 32 },
        chartPadding: { top: 8, right: 12, bottom: 0, left: 0 },
      },
    );
    return () => chart.detach();
  }, [series, horizontal]);
  return <div ref={el} class="chart" role="img" aria-label={`${title}: ${spoken(series)}`} />;
}
