/**
 * The real rows `layerwise evaluate` judges generated rows against: the CSV split as the
 * model's subset was (its recorded specification: segments, sample, seed, split), so with the
 * file the model was trained on the training and test rows are the model's own; without a
 * recorded subset, or one the CSV cannot give, the app's default split.
 */
import type { DataProvenance } from '../../shared/domain/data.js';
import { applySubset, type Dataset, type Subset } from '../data/index.js';
import { DEFAULT_SUBSET } from '../service/project/project.js';

export function subsetOfModel(
  dataset: Dataset,
  provenance: DataProvenance | undefined,
): { subset: Subset; split: 'model' | 'default' } {
  if (provenance) {
    try {
      return { subset: applySubset(dataset, provenance.subset), split: 'model' };
    } catch {
      // The CSV lacks a segment column or value of the model's subset: the default split.
    }
  }
  return { subset: applySubset(dataset, DEFAULT_SUBSET), split: 'default' };
}
