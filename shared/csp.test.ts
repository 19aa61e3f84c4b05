/** The one Content-Security-Policy: nothing beyond the page's own origin, the header and the meta tag alike. */
import { describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META, cspDirectives } from './csp.js';

describe('Content-Security-Policy', () => {
  it.each([
    ['header', CSP_HEADER],
    ['meta', CSP_META],
  ])('lets the %s policy connect to its own origin only (no ws: wildcard, no other host)', (_where, policy) => {
    const d = cspDirectives(policy);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    for (const sources of d.values()) {
      for (const source of sources) expect(source).not.toMatch(/^(ws|wss|http|https|file):|^\*|unsafe-eval/);
    }
  });

  it('states frame-ancestors in the header only (a meta tag cannot)', () => {
    expect(cspDirectives(CSP_HEADER).get('frame-ancestors')).toEqual(["'none'"]);
    expect(cspDirectives(CSP_META).has('frame-ancestors')).toBe(false);
    const header = cspDirectives(CSP_HEADER);
    header.delete('frame-ancestors');
    expect(header).toEqual(cspDirectives(CSP_META));
  });
});
