/**
 * The report's rules section on a real model (the sample data, a tiny model, the real engine):
 * every accepted rule is broken in 0% of the rows generated for the report, the rule the user
 * turned off is said to be, and the rates are measured on the evidence's seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from './engine-thread/client.js';
import { testService, trainTiny } from './project/test-support.js';

let engine: EngineClient;
beforeAll(() => {
  engine = new EngineClient();
});
afterAll(async () => {
  await engine.dispose();
});

/** The rules table's rows: [rule, status, in training rows, broken in generated rows]. */
function ruleRows(html: string): string[][] {
  const start = html.indexOf('<section id="rules">');
  const body = html.slice(start, html.indexOf('</section>', start));
  return [...body.matchAll(/<tr><td>(.*?)<\/tr>/g)].map((m) =>
    [...`<td>${m[1]}`.matchAll(/<td>([^<]*)<\/td>/g)].map((c) => c[1]),
  );
}

describe('report: rules of a real model', () => {
  it('shows 0% violations in generated rows for every accepted rule', async () => {
    const { svc, events, saver } = testService(engine);
    await svc['data.import']({ source: { kind: 'sample' } });
    const found = await svc['rules.list']();
    await svc['rules.choose']({ off: ['range:customer_age'] });
    await trainTiny(svc, events);
    await svc['export.report']({ locale: 'en', format: 'html' });
    const html = new TextDecoder().decode(saver.saved.at(-1)!.bytes);

    const rows = ruleRows(html);
    expect(rows).toHaveLength(found.rules.length);
    expect(rows.some((r) => r[0] === 'revenue is always quantity × unit_price × (1 − discount%)')).toBe(true);
    for (const [text, status, , broken] of rows) {
      if (text.startsWith('customer_age')) expect(status).toBe('Turned off by the user');
      else expect([status, broken]).toEqual(['Accepted', expect.stringMatching(/^0% \(0 of 2,000 rows\)$/)]);
    }
    expect(html).toContain('measured on 2000 rows generated with seed 1');
  }, 180_000);
});
