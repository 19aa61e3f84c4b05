/** `layerwise evaluate` adds the quality of generated rows, with its references, to its JSON. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { QualityEvidence } from '../../../shared/domain/quality.js';

const MODEL = 'electron/synthesizer/fixtures/sample-orders-v0.1.lwm';

describe('layerwise evaluate', () => {
  it('prints quality with its held-out ceiling, marginal floor and the split it used', () => {
    const run = spawnSync(
      process.execPath,
      ['bin/layerwise.mjs', 'evaluate', MODEL, 'resources/sample-orders.csv', '--seed', '2', '--target', 'revenue'],
      { encoding: 'utf8', timeout: 300_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { logLikelihood: unknown; quality: QualityEvidence & { split: string } };
    expect(out.logLikelihood).toBeDefined();
    // The subset as the model file records it (here the default 80/10/10 split).
    expect(out.quality.split).toBe('model');
    const q = QualityEvidence.parse(out.quality);
    expect(q.rows).toMatchObject({ train: 6400, holdout: 800, compared: 800 });
    expect(q.overall.ceiling).toBeGreaterThan(q.overall.floor ?? 1);
    expect(q.tstr).toMatchObject({ target: 'revenue', metric: 'r2' });
    expect(run.stderr).toMatch(/quality: \d+\.\d % \(held-out/);
  }, 300_000);
});
