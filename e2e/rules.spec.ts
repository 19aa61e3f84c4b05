/**
 * Rules found in the data, shown and kept: the analyst loads the sample, sees its rules in plain
 * words (revenue computed from quantity, unit price and discount; Online exactly when delivery
 * takes days; no cash online), unticks one, trains a tiny model, exports rows, and every other
 * rule holds in every exported row — checked here with the spec's own arithmetic.
 */
import { expect, test } from './fixtures.js';
import { readCsv } from './csv.js';
import { SAMPLE_CSV } from './env.js';

type Row = Record<string, string>;
const num = (v: string) => Number(v.replace('%', ''));

/** The spec's own reading of each rule of the sample, by key; null for a rule it does not know. */
function checker(key: string, sample: Row[]): ((r: Row) => boolean) | null {
  if (key === 'formula:revenue')
    return (r) => {
      if (!r.quantity || !r.unit_price || !r.discount || !r.revenue) return true;
      const exact = num(r.quantity) * num(r.unit_price) * (1 - num(r.discount) / 100);
      return Math.abs(num(r.revenue) - exact) <= 0.005 + 1e-9;
    };
  if (key === 'threshold:store_type=Online')
    return (r) => !r.delivery_days || !r.store_type || (r.store_type === 'Online') === num(r.delivery_days) > 0;
  if (key === 'pairs:store_type*payment')
    return (r) =>
      !(r.store_type === 'Online' && r.payment === 'Cash') && !(r.store_type !== 'Online' && r.payment === 'Invoice');
  const range = /^range:(.+)$/.exec(key);
  if (range) {
    const col = range[1];
    const value = (v: string) => (col.endsWith('date') ? Date.parse(v) : num(v));
    const seen = sample
      .map((r) => r[col])
      .filter((v) => v !== '')
      .map(value);
    const [lo, hi] = [Math.min(...seen), Math.max(...seen)];
    return (r) => r[col] === '' || (value(r[col]) >= lo && value(r[col]) <= hi);
  }
  return null;
}

const rowsOf = (csv: { header: string[]; rows: string[][] }): Row[] =>
  csv.rows.map((cells) => Object.fromEntries(csv.header.map((h, i) => [h, cells[i] ?? ''])));

test('an analyst sees the rules of the sample, unticks one, and every other rule holds in the exported rows', async ({
  studio,
}) => {
  const sample = rowsOf(readCsv(SAMPLE_CSV));
  await studio.openSample();
  const panel = studio.rulesPanel();
  const shown = await panel.rules();
  const text = (key: string) => shown.find((r) => r.key === key)?.text ?? '';
  expect(text('formula:revenue')).toBe('revenue is always quantity × unit_price × (1 − discount%)');
  expect(text('threshold:store_type=Online')).toBe('store_type is Online exactly when delivery_days > 0');
  expect(text('pairs:store_type*payment')).toContain('Online & Cash');
  expect(shown.every((r) => r.kept)).toBe(true);

  await panel.untick('range:customer_age');
  expect((await panel.rules()).find((r) => r.key === 'range:customer_age')?.kept).toBe(false);

  await studio.goToStep('train');
  await studio.train({ epochs: 1 });
  await studio.waitForTrainingDone({ timeout: 180_000 });
  await studio.goToStep('export');
  const exported = rowsOf(readCsv(await studio.exportSamples(2000)));
  expect(exported).toHaveLength(2000);

  const kept = shown.filter((r) => r.key !== 'range:customer_age');
  let checked = 0;
  for (const rule of kept) {
    const holds = checker(rule.key, sample);
    if (!holds) continue;
    checked++;
    const broken = exported.filter((r) => !holds(r));
    expect({ rule: rule.key, broken: broken.length, first: broken[0] }).toEqual({
      rule: rule.key,
      broken: 0,
      first: undefined,
    });
  }
  expect(checked).toBeGreaterThanOrEqual(4);
});
