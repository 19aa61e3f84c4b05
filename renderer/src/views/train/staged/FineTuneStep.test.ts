/**
 * Fine-tuning as its own step: it needs a finished model; it fine-tunes the selected one for
 * the epochs given (refusing 0 in words); the model it made shows its log-likelihood before
 * and after.
 */
import { describe, expect, it } from 'vitest';
import { projectModel, summary } from '../../../test/fixtures.js';
import { fakeBackend, mountWith, settle } from '../../../test/fake.js';
import FineTuneStep from './FineTuneStep.vue';

describe('FineTuneStep', () => {
  it('asks for a finished model first', () => {
    fakeBackend();
    const w = mountWith(FineTuneStep, { props: { model: null, disabled: false } });
    expect(w.text()).toContain('Finish a model first');
    expect(w.find('[data-testid="finetune-step-button"]').exists()).toBe(false);
  });

  it('fine-tunes the model for the epochs given and shows the log-likelihood before and after', async () => {
    const backend = fakeBackend({ 'train.fineTune': () => ({ runId: 'tuned-1' }) });
    const w = mountWith(FineTuneStep, { props: { model: projectModel('m1'), disabled: false } });
    await w.get('[data-testid="finetune-step-epochs"]').setValue('0');
    expect(w.get('[data-testid="field-error"]').text()).toBe('Fine-tuning epochs must be at least 1.');
    expect(w.get('[data-testid="finetune-step-button"]').attributes('disabled')).toBeDefined();
    await w.get('[data-testid="finetune-step-epochs"]').setValue('3');
    await w.get('[data-testid="finetune-step-button"]').trigger('click');
    await settle();
    expect(backend.inputsOf('train.fineTune')).toEqual([{ modelId: 'm1', epochs: 3 }]);

    const tuned = {
      ...summary(),
      fineTune: { before: { value: -12.5, exact: true, se: null }, after: { value: -12.25, exact: true, se: null } },
    };
    await w.setProps({ model: projectModel('tuned-1', { name: 'Model 1, fine-tuned', summary: tuned }) });
    expect(w.get('[data-testid="finetune-before"]').text()).toMatch(/^Log-likelihood before: -12\.500 nats/);
    expect(w.get('[data-testid="finetune-after"]').text()).toMatch(/^Log-likelihood after: -12\.250 nats/);
    expect(w.get('[data-testid="finetune-figures"]').text()).toContain('on training rows');
  });
});
