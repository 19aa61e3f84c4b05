/**
 * The legend of a line chart with each entry drawn as its line, solid, dashed or dotted as the
 * series is: chart.js's boxes are filled (a dash shows only as a thick outline), and its "line"
 * point style draws every entry solid, as it takes the style of a point, not of the line.
 */
import { Chart, type ChartDataset, type LegendItem } from 'chart.js';

/** The legend's entries given their series' dash (none: solid), drawn 2 px wide. */
export function withLineDash(items: LegendItem[], datasets: readonly ChartDataset[]): LegendItem[] {
  return items.map((item) => {
    const dataset = item.datasetIndex === undefined ? undefined : datasets[item.datasetIndex];
    const dash = dataset && 'borderDash' in dataset ? dataset.borderDash : undefined;
    const lineDash = Array.isArray(dash) ? dash.filter((d): d is number => typeof d === 'number') : [];
    return { ...item, lineDash, lineWidth: 2 };
  });
}

export const lineLegend = {
  position: 'bottom' as const,
  labels: {
    usePointStyle: true,
    pointStyle: 'line' as const,
    boxWidth: 36,
    pointStyleWidth: 36,
    generateLabels: (chart: Chart): LegendItem[] =>
      withLineDash(Chart.defaults.plugins.legend.labels.generateLabels(chart), chart.data.datasets),
  },
};
