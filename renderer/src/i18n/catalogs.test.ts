/** The English and Japanese UI catalogs have the same keys and placeholders, and no empty strings. */
import { describe, expect, it } from 'vitest';
import { ui as en } from '../../../shared/i18n/ui/en.js';
import { ui as ja } from '../../../shared/i18n/ui/ja.js';

function flatten(node: unknown, prefix = ''): Record<string, string> {
  if (typeof node === 'string') return { [prefix]: node };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>))
    Object.assign(out, flatten(v, prefix ? `${prefix}.${k}` : k));
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI catalogs', () => {
  const e = flatten(en);
  const j = flatten(ja);
  it('have the same keys', () => {
    expect(Object.keys(j).sort()).toEqual(Object.keys(e).sort());
  });
  it('use the same placeholders and are all translated', () => {
    for (const key of Object.keys(e)) {
      expect(placeholders(j[key] ?? ''), key).toEqual(placeholders(e[key]));
      expect(j[key].trim().length, key).toBeGreaterThan(0);
    }
  });
});
