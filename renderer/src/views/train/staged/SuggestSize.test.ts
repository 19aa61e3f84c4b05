/**
 * "Suggest a size": starts the engine's layer selection with the form's layer and the run's
 * settings, counts the candidates as they are trained, shows the ranking (table, chart data)
 * and the suggested size with why in plain words, and adopts it for layer 1 (here and in the
 * layer table).
 */
import { describe, expect, it } from 'vitest';
import { wireEvents } from '../../../events.js';
import { useStagedStore } from '../../../stores/staged.js';
import { useTrainingStore } from '../../../stores/training.js';
import { trainConfig } from '../../../test/fixtures.js';
import { fakeBackend, mountWith, settle } from '../../../test/fake.js';
import StagedPanel from './StagedPanel.vue';
import { suggestion } from './test-fixtures.js';

describe('SuggestSize', () => {
  it('runs in the background, ranks the sizes, explains the suggestion and adopts it', async () => {
    const backend = fakeBackend({
      'train.stack': () => ({ projectId: 'project-1', stack: null, suggestion: null, job: null }),
      'train.suggest': () => ({ runId: 'suggest-1' }),
    });
    const w = mountWith(StagedPanel);
    wireEvents(backend.client);
    const training = useTrainingStore();
    training.config = trainConfig();
    await settle();
    await w.get('[data-testid="suggest-budget"]').setValue('0');
    expect(w.get('[data-testid="suggest-size"] [data-testid="field-error"]').text()).toBe(
      'Time limit (seconds) must be at least 1.',
    );
    expect(w.get('[data-testid="suggest-button"]').attributes('disabled')).toBeDefined();
    await w.get('[data-testid="suggest-budget"]').setValue('30');
    await w.get('[data-testid="suggest-button"]').trigger('click');
    await settle();
    expect(backend.inputsOf('train.suggest')[0]).toMatchObject({
      budgetSeconds: 30,
      layer: { units: 16, method: 'aeries' },
      settings: { seed: 1, validationFraction: 0.1, patience: 0 },
    });
    backend.emit({
      type: 'train.epoch',
      runId: 'suggest-1',
      progress: {
        layer: 1,
        layers: 4,
        stage: 'layer',
        epoch: 1,
        epochs: 2,
        criterionTrain: -12,
        criterionValid: null,
        rowsPerSecond: 10,
        etaSeconds: 1,
      },
    });
    backend.emit({ type: 'train.candidate', runId: 'suggest-1', candidate: suggestion().ranking[2] });
    await settle();
    const progress = w.get('[data-testid="stage-progress"]');
    expect(progress.text()).toContain('Trying sizes…');
    expect(progress.text()).toContain('1 of 4 sizes tried');
    expect(progress.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('38');

    backend.emit({ type: 'train.state', runId: 'suggest-1', state: 'done', summary: null, error: null });
    backend.emit({
      type: 'train.stackChanged',
      layers: { projectId: 'project-1', stack: null, suggestion: suggestion(), job: null },
    });
    await settle();
    const ranking = w.get('[data-testid="suggest-ranking"]');
    expect(ranking.findAll('tbody tr').map((r) => r.findAll('td')[1].text())).toEqual(['16', '8', '4']);
    expect(w.get('[data-testid="suggest-size"] [data-testid="chart-table"]').text()).toContain('4');
    const recommended = w.get('[data-testid="suggest-recommended"]');
    expect(recommended.text()).toContain('Suggested: 8 units (AERIes (rich inference)).');
    expect(recommended.text()).toContain(
      'Its bound is within 0.120 nats of the best (16 units, 0.100 nats better): a smaller layer trains faster and memorises less.',
    );
    expect(recommended.text()).toContain('Not tried for lack of time: 32 units.');

    await w.get('[data-testid="suggest-adopt"]').trigger('click');
    expect(w.get('[data-testid="suggest-adopted"]').text()).toBe('Layer 1 will have 8 units.');
    expect((w.get('[data-testid="staged-units"]').element as HTMLInputElement).value).toBe('8');
    expect(training.config.layers[0].units).toBe(8);
    expect(useStagedStore().form.units).toBe(8);
  });

  it('says when only one size could be tried, and when bounds were measured on training rows', async () => {
    const only = {
      ...suggestion(),
      ranking: [suggestion().ranking[0]],
      recommended: {
        units: 16,
        method: 'aeries' as const,
        reason: { rule: 'only-candidate' as const, bestUnits: 16, shortfall: 0, tolerance: 0 },
      },
      onValidation: false,
      skipped: [],
    };
    fakeBackend({ 'train.stack': () => ({ projectId: 'p', stack: null, suggestion: only, job: null }) });
    const w = mountWith(StagedPanel);
    useTrainingStore().config = trainConfig();
    await settle();
    const text = w.get('[data-testid="suggest-recommended"]').text();
    expect(text).toContain('Only one size could be tried in the time given');
    expect(text).toContain('Measured on training rows');
  });
});
