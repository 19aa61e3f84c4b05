/**
 * The privacy part of `layerwise evaluate`: against the model's training and held-out rows
 * when the CSV is the file it was trained on (its subset drawn again), else against every row
 * of the CSV with no held-out rows. Uses the 0.1.0 model fixture, its provenance replaced.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { applySubset, importCsv, type Dataset } from '../../data/index.js';
import { sourceSamplePath } from '../../platform/paths.js';
import { readBundle, type ModelBundle } from '../../synthesizer/index.js';
import { cliPrivacy } from './evaluate-privacy.js';

let bundle: ModelBundle;
let dataset: Dataset;
beforeAll(async () => {
  bundle = await readBundle(
    fileURLToPath(new URL('../../synthesizer/fixtures/sample-orders-v0.1.lwm', import.meta.url)),
  );
  dataset = await importCsv(sourceSamplePath());
});

describe('privacy in evaluate', () => {
  it('compares with every row of the CSV when the model does not say how it was trained', async () => {
    const unknown = { ...bundle, manifest: { ...bundle.manifest, dataProvenance: undefined } };
    const { against, evidence } = await cliPrivacy(unknown, dataset, 100, 1);
    expect(against).toBe('csv');
    expect(evidence.sample).toEqual({
      synthetic: { used: 100, of: 100 },
      training: { used: 8000, of: 8000 },
      holdout: { used: 0, of: 0 },
    });
    expect(evidence.closerToTraining).toBeNull();
  });

  it("draws the model's subset again from the file it was trained on: training and test rows", async () => {
    const spec = { segments: null, sample: null, seed: 1, split: { train: 0.8, valid: 0.1, test: 0.1 } };
    const { info } = applySubset(dataset, spec);
    const provenance = {
      fileName: 'sample-orders.csv',
      fileRows: 8000,
      options: dataset.info.options,
      columns: [],
      subset: spec,
      rows: { subset: 8000, outside: 0, train: info.train, valid: info.valid, test: info.test },
      fromFile: null,
    };
    const withProvenance = { ...bundle, manifest: { ...bundle.manifest, dataProvenance: provenance } };
    const { against, evidence } = await cliPrivacy(withProvenance, dataset, 100, 1);
    expect(against).toBe('training-and-holdout');
    expect(evidence.sample.training.of).toBe(info.train);
    expect(evidence.sample.holdout.of).toBe(info.test);
    expect(evidence.closerToTraining?.referenceRows).toBe(info.test);
    // Another file (fewer rows than the model's): every row, no held-out rows.
    const other = {
      ...withProvenance,
      manifest: { ...withProvenance.manifest, dataProvenance: { ...provenance, fileRows: 7999 } },
    };
    expect((await cliPrivacy(other, dataset, 100, 1)).against).toBe('csv');
  });
});
