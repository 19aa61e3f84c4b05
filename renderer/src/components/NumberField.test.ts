/** A number field: labelled, explained and, when refused, saying why, all tied to its input for assistive technology. */
import { describe, expect, it } from 'vitest';
import { mountWith } from '../test/fake.js';
import NumberField from './NumberField.vue';

describe('NumberField', () => {
  it('ties its label, explanation and refusal to the input, and emits numbers or the raw text', async () => {
    const w = mountWith(NumberField, {
      props: { label: 'Seed', help: 'Makes the run repeatable.', modelValue: 1, limits: { min: 0, step: 1 } },
    });
    const input = w.get('input');
    expect(w.get('label').attributes('for')).toBe(input.attributes('id'));
    expect(w.get(`#${input.attributes('aria-describedby')}`).text()).toBe('Makes the run repeatable.');
    expect(input.attributes('aria-invalid')).toBeUndefined();
    expect(input.attributes('min')).toBe('0');
    await input.setValue('7');
    await input.setValue('');
    expect(w.emitted('update:modelValue')).toEqual([[7], ['']]);
    await w.setProps({ error: 'Seed must be a number.' });
    expect(input.attributes('aria-invalid')).toBe('true');
    const ids = input.attributes('aria-describedby')!.split(' ');
    expect(ids).toHaveLength(2);
    expect(w.get(`#${ids[1]}`).text()).toBe('Seed must be a number.');
  });
});
