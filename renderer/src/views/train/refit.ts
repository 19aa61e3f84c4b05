/**
 * "Refit on all rows": once the architecture is chosen, the same model trained again on every
 * row of the subset. The split lives in the subset, so the subset is applied again with the
 * same segments, sample and seed and nothing held back (train 1, validation 0, test 0); the
 * run holds nothing back either (validation fraction 0) and gives each layer the epochs it
 * trained for in the checked run, without early stopping (there are no rows to stop on).
 */
import { ref } from 'vue';
import type { SubsetSpec } from '../../../../shared/domain/data.js';
import { useClient } from '../../api/index.js';
import { guarded } from '../../stores/app.js';
import { useDataStore } from '../../stores/data.js';
import { useSubsetStore } from '../../stores/subset.js';
import { useTrainingStore } from '../../stores/training.js';

/** The subset the service uses when none was applied: every row (its split is replaced here). */
const EVERY_ROW: Omit<SubsetSpec, 'split'> = { segments: null, sample: null, seed: 1 };

/** Which data and subset a configuration was made for (the Train step keeps edits while it stays the same). */
export function setupKey(datasetId: string | undefined, spec: SubsetSpec | undefined): string {
  return `${datasetId ?? ''}:${spec ? JSON.stringify(spec) : 'all'}`;
}

/** The run id of the last refit, to say its figures are on training rows only. */
const refitRun = ref<string | null>(null);

export function useRefit() {
  const training = useTrainingStore();
  const subset = useSubsetStore();
  const data = useDataStore();

  async function refit(): Promise<void> {
    const config = training.config;
    if (!config || training.running) return;
    const spec: SubsetSpec = { ...(subset.info?.spec ?? EVERY_ROW), split: { train: 1, valid: 0, test: 0 } };
    const info = await guarded(() => useClient().api['subset.apply']({ spec }));
    if (!info) return;
    subset.info = info;
    training.rows = info.train;
    training.valid = 0;
    training.test = 0;
    training.configKey = setupKey(data.info?.datasetId, info.spec);
    const trained = new Map(training.layers.map((r) => [r.layer, r.epochs]));
    training.config = {
      ...config,
      validationFraction: 0,
      patience: 0,
      layers: config.layers.map((l, i) => ({ ...l, epochs: Math.max(1, trained.get(i) ?? l.epochs) })),
    };
    if (await training.start()) refitRun.value = training.runId;
  }

  return { refit, refitRun };
}
