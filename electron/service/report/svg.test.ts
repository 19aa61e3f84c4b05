/** The report's SVG charts: shapes for the figures, escaped text, a title and a data table, nothing that loads or runs. */
import { describe, expect, it } from 'vitest';
import { barChart, histogram, lineChart, tickLabels, ticks } from './svg.js';

const text = { title: 'Bound <b>', xLabel: 'Epoch', yLabel: 'Nats', dataLabel: 'Data' };

describe('svg charts', () => {
  it('draws one path per series, with a title and a table of every point', () => {
    const svg = lineChart(text, [
      {
        name: 'train',
        points: [
          { x: 1, y: -12 },
          { x: 2, y: -11 },
          { x: 3, y: -10.5 },
        ],
      },
      {
        name: 'validation',
        points: [
          { x: 1, y: -12.5 },
          { x: 3, y: -11 },
        ],
        dashed: true,
      },
    ]);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('<title>Bound &#60;b&#62;</title>');
    expect(svg).toContain('<figcaption>Bound &#60;b&#62;</figcaption>');
    // Three epochs in the table, the missing validation point shown as a dash.
    expect(svg.match(/<tr>/g)).toHaveLength(4);
    expect(svg).toContain('<td>2.00</td><td>-11.0</td><td>—</td>');
  });

  it('draws bars whose heights follow the values, rising from the axis bottom when it does not start at 0', () => {
    const svg = barChart(
      text,
      [
        { label: 'Model 1', value: -12 },
        { label: 'Model 2', value: -10 },
      ],
      { fromZero: false, note: 'axis note' },
    );
    const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(2);
    expect(heights[1]!).toBeGreaterThan(heights[0]!);
    expect(svg).toContain('axis note');
  });

  it('a histogram starts at 0: a bin twice as large is twice as tall', () => {
    const svg = histogram(text, [
      { label: 'a', count: 20 },
      { label: 'b', count: 40 },
    ]);
    const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights[1]! / heights[0]!).toBeCloseTo(2, 1);
  });

  it('escapes hostile labels and names everywhere and holds no script, link or remote reference', () => {
    const evil = '<script>alert(1)</script>"\'&';
    const svg =
      lineChart({ ...text, title: evil, xLabel: evil }, [{ name: evil, points: [{ x: 1, y: 1 }] }]) +
      barChart({ ...text, title: evil }, [{ label: evil, value: 3, group: evil }], { fromZero: true });
    expect(svg).not.toContain('<script');
    expect(svg).not.toMatch(/href|src=|url\(|@import|javascript:/i);
    expect(svg).toContain('&#60;script&#62;');
  });

  it('keeps whole x ticks only when asked (epochs)', () => {
    const points = [1, 2, 3].map((x) => ({ x, y: x }));
    const xTicks = (svg: string) => [...svg.matchAll(/<text [^>]*y="260.0"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(xTicks(lineChart(text, [{ name: 's', points }]))).toContain('1.5');
    const epochs = lineChart(text, [{ name: 's', points }], { integerX: true });
    expect(xTicks(epochs)).toEqual(['1', '2', '3']);
    expect(epochs).toContain('<td>2</td><td>2.00</td>');
  });

  it('copes with one point, equal values and no bars', () => {
    expect(lineChart(text, [{ name: 's', points: [{ x: 1, y: 5 }] }])).toContain('<circle');
    expect(
      barChart(
        text,
        [
          { label: 'a', value: 2 },
          { label: 'b', value: 2 },
        ],
        { fromZero: false },
      ),
    ).not.toContain('NaN');
    expect(barChart(text, [], { fromZero: true })).not.toContain('NaN');
  });

  it('puts ticks on round values', () => {
    expect(ticks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(-12.3, -10.1)).toEqual([-12, -11.5, -11, -10.5]);
    expect(tickLabels([0, 500, 1000])).toEqual(['0', '500', '1000']);
    expect(tickLabels([-18.6, -18.4, -18.2])).toEqual(['-18.6', '-18.4', '-18.2']);
    expect(tickLabels([0, 0.05, 0.1])).toEqual(['0.00', '0.05', '0.10']);
  });
});
