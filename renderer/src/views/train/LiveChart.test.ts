/** The live chart: a train and a validation series per layer over its epochs, the layer's bound once known; other stages left out. */
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
    expect(w.attributes('data-points')).toBe('5');
    expect(config().data.labels).toEqual(['1', '2', '3']);
    expect(config().data.datasets.map((d) => d.label)).toEqual([
      'Layer 1 · train',
      'Layer 1 · validation',
      'Layer 2 · train',
      'Layer 2 · validation',
    ]);
    expect(config().data.datasets[0].data).toEqual([-19, -18, -17]);
    expect(config().data.datasets[3].data).toEqual([-20]);

    await w.setProps({ layers: [layerResult(0)] });
    const bound = config().data.datasets[2];
    expect(bound.label).toBe('Layer 1 · BLM bound (validation)');
    expect(bound.data).toEqual([-13.25, -13.25, -13.25]);
  });

  it('has one empty epoch before the first point', () => {
    const w = mountWith(LiveChart, { props: { points: [], layers: [] } });
    const config = w.getComponent(ChartCanvas).props('config') as ChartConfiguration;
    expect(w.attributes('data-points')).toBe('0');
    expect(config.data.labels).toEqual(['1']);
    expect(config.data.datasets).toEqual([]);
  });
});
