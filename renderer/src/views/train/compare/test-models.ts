/** Models for the comparison's tests: an AERIes or a stacked-RBM model of orders.csv, with chosen log-likelihoods. */
import type { Estimate, Method } from '../../../../../shared/domain/model.js';
import type { Lineage, ProjectModel } from '../../../../../shared/domain/project.js';
import { layerResult, projectModel, summary, trainConfig } from '../../../test/fixtures.js';

export const exact = (value: number): Estimate => ({ value, exact: true, se: null });
export const est = (value: number, se: number): Estimate => ({ value, exact: false, se });

/** What orders.csv's models were trained on; `seed` changes the subset (other rows). */
export function lineage(seed = 1): Lineage {
  return {
    fingerprint: { bytes: 1234, mtimeMs: 1, sha256: 'a'.repeat(64), scope: 'whole' },
    provenance: {
      fileName: 'orders.csv',
      fileRows: 100,
      options: {
        encoding: 'utf-8',
        delimiter: ',',
        quote: '"',
        header: true,
        raggedRows: 'pad',
        missingTokens: [''],
        dayFirst: null,
      },
      columns: [{ name: 'region', originalName: 'region', type: 'categorical', include: true, format: {} }],
      subset: { segments: null, sample: null, seed, split: { train: 0.8, valid: 0.1, test: 0.1 } },
      rows: { subset: 100, outside: 0, train: 80, valid: 10, test: 10 },
      fromFile: null,
    },
  };
}

interface Figures {
  train?: Estimate;
  valid?: Estimate | null;
  test?: Estimate | null;
  seconds?: number;
}

/** A model of `method` in every layer (two layers, 16 and 8 units), trained on `lineage()` unless told otherwise. */
export function modelOf(
  id: string,
  method: Method,
  figures: Figures = {},
  overrides: Partial<ProjectModel> = {},
): ProjectModel {
  const config = trainConfig();
  config.layers = config.layers.map((l) => ({ ...l, method }));
  const base = summary();
  return projectModel(id, {
    name: id,
    config,
    lineage: lineage(),
    summary: {
      ...base,
      seconds: figures.seconds ?? base.seconds,
      layers: [0, 1].map((i) => ({ ...layerResult(i), method, units: config.layers[i].units })),
      logLikelihood: {
        train: figures.train ?? exact(-12),
        valid: figures.valid === undefined ? exact(-12.5) : figures.valid,
        test: figures.test === undefined ? exact(-12.6) : figures.test,
      },
    },
    ...overrides,
  });
}
