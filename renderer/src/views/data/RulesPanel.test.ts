/** The rules panel: each rule in plain words (English and Japanese) with its share and tolerance; unticking one sends the keys turned off. */
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../../../shared/domain/rules.js';
import { datasetInfo } from '../../test/fixtures.js';
import { fakeBackend, mountWith, settle } from '../../test/fake.js';
import { useDataStore } from '../../stores/data.js';
import RulesPanel from './RulesPanel.vue';

const set = (off: string[] = []): RuleSet => ({
  version: 1,
  rows: 8000,
  off,
  columns: [{ name: 'discount', type: 'numeric', format: {} }],
  rules: [
    {
      rule: {
        kind: 'formula',
        key: 'formula:revenue',
        target: 'revenue',
        op: 'product',
        a: 'quantity',
        b: 'unit_price',
        factor: { column: 'discount', sign: -1, scale: 1 },
        decimals: 2,
      },
      rows: 8000,
      held: 8000,
      tolerance: 0.005,
    },
    {
      rule: {
        kind: 'threshold',
        key: 'threshold:store_type=Online',
        column: 'store_type',
        level: 'Online',
        number: 'delivery_days',
        above: true,
        threshold: 0,
        others: [['Mall', 10]],
      },
      rows: 8000,
      held: 8000,
      tolerance: 0,
    },
  ],
});

describe('RulesPanel', () => {
  it('shows the rules in plain words and sends the rule unticked', async () => {
    const backend = fakeBackend({
      'rules.list': () => set(),
      'rules.choose': (input) => set((input as { off: string[] }).off),
    });
    const w = mountWith(RulesPanel);
    useDataStore().info = datasetInfo();
    await settle();
    const texts = w.findAll('[data-testid="rule-text"]').map((e) => e.text());
    expect(texts).toEqual([
      'revenue is always quantity × unit_price × (1 − discount)',
      'store_type is Online exactly when delivery_days > 0',
    ]);
    expect(w.text()).toContain('±0.005');
    expect(w.text()).toContain('100%');
    await w.findAll('[data-testid="rule-keep"]')[1].setValue(false);
    await settle();
    expect(backend.inputsOf('rules.choose')).toEqual([{ off: ['threshold:store_type=Online'] }]);
    expect(w.get('[data-testid="rules-kept"]').text()).toBe('1 of 2 rules kept');
  });

  it('stays hidden when the data is not loaded (a reopened project whose file is missing)', async () => {
    fakeBackend({
      'rules.list': () => {
        throw Object.assign(new Error('no data'), { code: 'project.noData', params: {} });
      },
    });
    const w = mountWith(RulesPanel);
    useDataStore().info = datasetInfo();
    await settle();
    expect(w.find('[data-testid="rules-panel"]').exists()).toBe(false);
  });
});
