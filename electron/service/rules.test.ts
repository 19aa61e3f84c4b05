/**
 * Rules through the service, with the real data layer and engine: the sample data's rules are
 * listed for the Data step, turning one off is part of the project (models trained before are
 * marked out of date, a saved project keeps it), the model keeps the rules, and generated rows —
 * preview and export alike — keep every accepted rule, with violation rates in the result.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from './engine-thread/client.js';
import { testService, trainTiny } from './project/test-support.js';
import { projectFromBytes } from './project/project-file.js';

let engine: EngineClient;
beforeAll(() => {
  engine = new EngineClient();
});
afterAll(async () => {
  await engine.dispose();
});

function service() {
  const { svc, events, saver } = testService(engine);
  return { svc, events, saver };
}

describe('rules in a project', () => {
  it('lists, turns off, keeps in generated rows and marks models out of date', async () => {
    const { svc, events, saver } = service();
    await svc['data.import']({ source: { kind: 'sample' } });
    const listed = await svc['rules.list']();
    const keys = listed.rules.map((r) => r.rule.key);
    expect(keys).toEqual(expect.arrayContaining(['formula:revenue', 'threshold:store_type=Online']));
    expect(listed.off).toEqual([]);
    const chosen = await svc['rules.choose']({ off: ['range:customer_age'] });
    expect(chosen.off).toEqual(['range:customer_age']);

    await trainTiny(svc, events);
    const shown = await svc['samples.generate']({ rows: 1200, seed: 4 });
    const rates = new Map(shown.rules?.map((v) => [v.key, v]) ?? []);
    expect(rates.get('formula:revenue')).toMatchObject({ accepted: true, violated: 0 });
    expect(rates.get('threshold:store_type=Online')).toMatchObject({ accepted: true, violated: 0 });
    expect(rates.get('range:customer_age')?.accepted).toBe(false);
    for (const v of shown.rules ?? []) if (v.accepted) expect(v.rate).toBe(0);

    // The export writes the same rows as the preview, rules kept.
    await svc['export.samples']({ rows: 1200, seed: 4 });
    const csv = Papa.parse<string[]>(new TextDecoder().decode(saver.saved[0].bytes).replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(csv.slice(1)).toEqual(shown.generated.rows);

    expect((await svc['project.state']()).models[0].stale).toBeNull();
    await svc['rules.choose']({ off: [] });
    expect((await svc['project.state']()).models[0].stale?.changes).toEqual([
      { what: 'rules', was: ['range:customer_age'], now: [] },
    ]);
    await svc['project.save']({ as: false });
    const project = saver.saved.find((s) => s.kind === 'project');
    expect(projectFromBytes(project!.bytes, 'p.lwproj').rulesOff).toEqual([]);
  }, 120_000);
});
