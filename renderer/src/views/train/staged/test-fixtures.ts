/** Fixtures of the layer-by-layer component tests: a stack's state as the service describes it, a size suggestion. */
import type { LayersState } from '../../../../../shared/domain/layer-by-layer.js';
import type { Estimate, LayerResult } from '../../../../../shared/domain/model.js';
import type { SizeSuggestion } from '../../../../../shared/domain/staged.js';
import { datasetInfo, layerResult, trainConfig } from '../../../test/fixtures.js';

const exact = (value: number): Estimate => ({ value, exact: true, se: null });

/** Layer `l` with its bound so far on training and validation rows. */
export function stackLayer(l: number, units: number, bound: number): LayerResult {
  return { ...layerResult(l), units, modelBound: { train: exact(bound), valid: exact(bound - 0.5) } };
}

/** A stack of layers with bounds -10, -10.4, … (each layer adds -0.4). */
export function layersState(units: number[], overrides: Partial<NonNullable<LayersState['stack']>> = {}): LayersState {
  const layers = units.map((u, l) => stackLayer(l, u, -10 - 0.4 * l));
  return {
    projectId: 'project-1',
    job: null,
    suggestion: null,
    stack: {
      id: `stack-${units.join('-')}`,
      createdAt: '2026-12-02T03:00:00.000Z',
      settings: { seed: 1, validationFraction: 0.1, patience: 0 },
      configs: units.map((u) => ({ ...trainConfig().layers[0], units: u })),
      layers,
      headroom: {
        complete: false,
        reached: null,
        gap: null,
        layers: layers.map((r, l) => ({
          layer: l,
          units: r.units,
          method: r.method,
          bound: r.modelBound ?? null,
          gain: { train: l === 0 ? 0 : -0.4, valid: l === 0 ? 0 : -0.4 },
          ownBound: { train: r.blmTrain, valid: r.blmValid },
        })),
      },
      rareMin: 5,
      lineage: {
        fingerprint: null,
        provenance: {
          fileName: 'orders.csv',
          fileRows: 100,
          options: datasetInfo().options,
          columns: [],
          subset: { segments: null, sample: null, seed: 1, split: { train: 0.8, valid: 0.1, test: 0.1 } },
          rows: { subset: 100, outside: 0, train: 80, valid: 10, test: 10 },
          fromFile: null,
        },
      },
      points: [],
      stale: null,
      ...overrides,
    },
  };
}

export function suggestion(): SizeSuggestion {
  const candidate = (units: number, bound: number, rank: number) => ({
    units,
    method: 'aeries' as const,
    bound: exact(bound),
    boundTrain: exact(bound + 0.3),
    seconds: 1.2,
    rank,
  });
  return {
    ranking: [candidate(16, -9.8, 1), candidate(8, -9.9, 2), candidate(4, -11, 3)],
    recommended: {
      units: 8,
      method: 'aeries',
      reason: { rule: 'smallest-within-tolerance', bestUnits: 16, shortfall: 0.1, tolerance: 0.12 },
    },
    skipped: [32],
    onValidation: true,
    seconds: 4,
  };
}
