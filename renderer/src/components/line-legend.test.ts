/** The line charts' legend: each entry takes its series' dash, so dashed and dotted series are told apart. */
import { describe, expect, it } from 'vitest';
import type { ChartDataset, LegendItem } from 'chart.js';
import { withLineDash } from './line-legend.js';

describe('the line legend', () => {
  it("draws each entry with its series' dash, solid when the series has none", () => {
    const datasets = [
      { label: 'train', data: [1], borderDash: [] },
      { label: 'valid', data: [1], borderDash: [5, 4] },
      { label: 'bound', data: [1], borderDash: [2, 3] },
      { label: 'plain', data: [1] },
    ] as ChartDataset<'line'>[];
    const items: LegendItem[] = datasets.map((d, i) => ({ text: d.label!, datasetIndex: i, lineDash: [] }));
    expect(withLineDash(items, datasets).map((i) => [i.text, i.lineDash, i.lineWidth])).toEqual([
      ['train', [], 2],
      ['valid', [5, 4], 2],
      ['bound', [2, 3], 2],
      ['plain', [], 2],
    ]);
  });
});
