/** The report's two catalogs have the same labels, with the same placeholders. */
import { describe, expect, it } from 'vitest';
import { en } from './labels-en.js';
import { ja } from './labels-ja.js';
import { fill } from './labels.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('report labels', () => {
  it('English and Japanese have the same keys and placeholders', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en))
      expect(placeholders(ja[key as keyof typeof en]), key).toEqual(placeholders(text));
  });
  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('{a} of {b} {c}', { a: 1, b: 'x' })).toBe('1 of x {c}');
  });
});
