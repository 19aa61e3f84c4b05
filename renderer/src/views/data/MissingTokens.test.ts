/** The missing-value tokens: added trimmed and once, removed by their chip, the empty token named as such. */
import { describe, expect, it } from 'vitest';
import { mountWith } from '../../test/fake.js';
import MissingTokens from './MissingTokens.vue';

function mountTokens(tokens: string[]) {
  const w = mountWith(MissingTokens, {
    props: { modelValue: tokens, 'onUpdate:modelValue': (v: string[]) => w.setProps({ modelValue: v }) },
  });
  const chips = () => w.findAll('.chip').map((c) => c.text().replace('×', '').trim());
  return { w, chips };
}

describe('MissingTokens', () => {
  it('adds a token trimmed, once, and never an empty one, then clears the field', async () => {
    const { w, chips } = mountTokens(['', 'NA']);
    expect(chips()).toEqual(['(empty cell)', 'NA']);
    const input = w.get('[data-testid="missing-token-input"]');
    await input.setValue('  n/a ');
    await input.trigger('keyup.enter');
    expect(chips()).toEqual(['(empty cell)', 'NA', 'n/a']);
    expect((input.element as HTMLInputElement).value).toBe('');
    await input.setValue('NA');
    await w.get('[data-testid="add-missing-token"]').trigger('click');
    await input.setValue('   ');
    await w.get('[data-testid="add-missing-token"]').trigger('click');
    expect(w.props('modelValue')).toEqual(['', 'NA', 'n/a']);
    expect((input.element as HTMLInputElement).value).toBe('');
  });

  it('removes a token with its chip button, the empty cell included', async () => {
    const { w, chips } = mountTokens(['', 'NA', '-']);
    await w.get('[aria-label="Stop treating (empty cell) as missing"]').trigger('click');
    expect(chips()).toEqual(['NA', '-']);
    await w.get('[title="Stop treating - as missing"]').trigger('click');
    expect(w.props('modelValue')).toEqual(['NA']);
  });
});
