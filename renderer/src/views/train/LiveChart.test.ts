/**
 * The live chart: a train and a validation series per layer over its epochs, the layer's bound
 * once known; other stages left out. A note says what the lines are, and the same numbers are
 * in tables (hidden until asked for, but read by screen readers).
 */
import { describe, expect, it } from 'vitest';
import type { ChartConfiguration } from 'chart.js';
import ChartCanvas from '../../components/ChartCanvas.vue';
import type { EpochPoint } from '../../stores/training.js';
import { layerResult } from '../../test/fixtures.js';
import { mountWith } from '../../test/fake.js';
import LiveChart from './LiveChart.vue';

const point = (layer: number, epoch: number, stage: EpochPoint['stage'] = 'layer'): EpochPoint => ({
  layer,
  stage,
  epoch,
  train: -20 + epoch,
  valid: -21 + epoch,
});

describe('LiveChart', () => {
  it('draws each layer over the epochs and adds its bound on validation rows once the layer is done', async () => {
    const points = [point(0, 1), point(0, 2), point(0, 3), point(1, 1), point(1, 1, 'top')];
    const w = mountWith(LiveChart, { props: { points, layers: [] } });
    const config = () => w.getComponent(ChartCanvas).props('config') as ChartConfiguration;
    expect(w.get('[data-testid="training-chart"]').attributes('data-points')).toBe('5');
    expect(config().data.labels).toEqual(['1', '2', '3']);
    expect(config().data.datasets.map((d) => d.label)).toEqual([
      'Layer 1 · criterion, training rows',
      'Layer 1 · criterion, validation rows',
      'Layer 2 · criterion, training rows',
      'Layer 2 · criterion, validation rows',
    ]);
    expect(config().data.datasets[0].data).toEqual([-19, -18, -17]);
    expect(config().data.datasets[3].data).toEqual([-20]);

    await w.setProps({ layers: [layerResult(0)] });
    const bound = config().data.datasets[2];
    expect(bound.label).toBe('Layer 1 · BLM bound, validation rows (best reachable)');
    expect(bound.data).toEqual([-13.25, -13.25, -13.25]);
  });

  it('marks each epoch while there are few, and draws plain lines once a marker per epoch would merge into a band', async () => {
    const few = Array.from({ length: 40 }, (_, i) => point(0, i + 1));
    const w = mountWith(LiveChart, { props: { points: few, layers: [layerResult(0)] } });
    const radii = () =>
      (w.getComponent(ChartCanvas).props('config') as ChartConfiguration<'line'>).data.datasets.map(
        (d) => d.pointRadius,
      );
    // Training and validation criterion marked; the flat bound never is.
    expect(radii()).toEqual([3, 3, 0]);
    await w.setProps({ points: [...few, point(0, 41)] });
    expect(radii()).toEqual([0, 0, 0]);
  });

  it('has one empty epoch before the first point', () => {
    const w = mountWith(LiveChart, { props: { points: [], layers: [] } });
    const config = w.getComponent(ChartCanvas).props('config') as ChartConfiguration;
    expect(w.get('[data-testid="training-chart"]').attributes('data-points')).toBe('0');
    expect(config.data.labels).toEqual(['1']);
    expect(config.data.datasets).toEqual([]);
  });

  it('says what the criterion and the bound are, and why the validation bound can be the higher one', async () => {
    const w = mountWith(LiveChart, { props: { points: [point(0, 1)], layers: [] } });
    expect(w.get('[data-testid="chart-note"]').text()).toContain('the criterion sits above the bound');
    expect(w.text()).not.toContain('different rows');
    await w.setProps({ layers: [layerResult(0)] });
    expect(w.text()).toContain('computed on different rows');
  });

  it('gives the same numbers as tables, hidden until asked for', async () => {
    const w = mountWith(LiveChart, { props: { points: [point(0, 1), point(0, 2)], layers: [layerResult(0)] } });
    const tables = w.get('[data-testid="chart-table"]');
    expect(tables.classes()).toContain('sr-only');
    const [criteria, bounds] = tables.findAll('table');
    expect(criteria.get('caption').text()).toBe('Training criterion per epoch (nats per row, higher is better)');
    expect(criteria.findAll('th').map((th) => th.text())).toEqual([
      'Layer',
      'Epoch',
      'Training rows',
      'Validation rows',
    ]);
    expect(criteria.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()))).toEqual([
      ['1', '1', '-19.000', '-20.000'],
      ['1', '2', '-18.000', '-19.000'],
    ]);
    expect(bounds.get('tbody tr').text()).toContain('-13.250 nats');
    const toggle = w.get('[data-testid="chart-table-toggle"]');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    await toggle.trigger('click');
    expect(tables.classes()).not.toContain('sr-only');
    expect(toggle.text()).toBe('Hide the numbers');
  });
});
