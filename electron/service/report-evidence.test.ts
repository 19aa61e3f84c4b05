/**
 * The quality and privacy evidence through the service, with the real data layer and engine:
 * a quality check records its score on the project's model (the comparison shows it; the saved
 * project keeps it); the report uses the evidence last computed for the model, or computes it
 * at export with the jobs' progress; a model whose real rows are not at hand says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from './engine-thread/client.js';
import { projectFromBytes } from './project/project-file.js';
import { testService, trainTiny } from './project/test-support.js';
import { EvidenceMemo, qualityScoreOf, reportEvidence } from './report-evidence.js';

let engine: EngineClient;
beforeAll(() => {
  engine = new EngineClient();
});
afterAll(async () => {
  await engine.dispose();
});

async function trained() {
  const { svc, events, saver } = testService(engine);
  await svc['data.import']({ source: { kind: 'sample' } });
  await trainTiny(svc, events);
  return { svc, saver, events };
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const sectionOf = (html: string, id: string) => {
  const start = html.indexOf(`<section id="${id}">`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
};

describe('quality score in the comparison', () => {
  it('records { score, of } on the model once evidence.quality completes, and the saved project keeps it', async () => {
    const { svc, saver, events } = await trained();
    expect((await svc['project.state']()).models[0]!.quality ?? null).toBeNull();
    events.length = 0;
    const q = await svc['evidence.quality']({ seed: 3 });
    const state = await svc['project.state']();
    const expected = { score: Math.round(q.overall.model! * 1000) / 10, of: 'test' };
    expect(state.models[0]!.quality).toEqual(expected);
    // The renderer is told (the comparison's column shows it at once).
    const told = events.findLast((e) => e.type === 'project.changed');
    expect(told?.type === 'project.changed' && told.project.models[0]!.quality).toEqual(expected);
    expect(state.unsaved).toBe(true);
    await svc['project.save']({ as: false });
    const content = projectFromBytes(saver.saved.at(-1)!.bytes, 'p.lwproj');
    expect(content.models[0]!.record.quality).toEqual(expected);

    // The report then uses that very evidence (seed 3) and computes the privacy on the same seed.
    await svc['export.report']({ locale: 'ja', format: 'html' });
    const html = text(saver.saved.at(-1)!.bytes);
    expect(sectionOf(html, 'quality')).toContain('シード 3 で生成した行です。');
    expect(sectionOf(html, 'quality')).toContain('<svg');
    expect(sectionOf(html, 'privacy')).toContain('シード 3 で生成した最初の');
  }, 180_000);
});

describe('evidence in the report', () => {
  it('is computed at export, with the jobs’ progress, when no check was run', async () => {
    const { svc, saver, events } = await trained();
    events.length = 0;
    await svc['export.report']({ locale: 'en', format: 'html' });
    const html = text(saver.saved.at(-1)!.bytes);
    expect(sectionOf(html, 'quality')).toContain('Overall score');
    expect(sectionOf(html, 'quality').match(/<svg /g)!.length).toBeGreaterThan(3);
    expect(sectionOf(html, 'privacy')).toContain('Distance to the closest training row');
    expect(events.some((e) => e.type === 'quality.progress')).toBe(true);
    expect(events.some((e) => e.type === 'privacy.progress')).toBe(true);
  }, 180_000);

  it('says why it is absent when the model’s real rows are not at hand, and says a failed check in words', async () => {
    const memo = new EvidenceMemo();
    const never = () => Promise.reject(new Error('not called'));
    const absent = await reportEvidence(
      { modelId: 'm', hasRealRows: false, memo, quality: never, privacy: never },
      'en',
    );
    expect(absent).toEqual({ evidenceAbsent: { reason: 'noRealRows' } });
    const failed = await reportEvidence(
      { modelId: 'm', hasRealRows: true, memo, quality: never, privacy: never },
      'en',
    );
    expect(failed.evidenceAbsent).toMatchObject({ reason: 'failed' });
    expect(failed.evidenceAbsent && 'message' in failed.evidenceAbsent && failed.evidenceAbsent.message).not.toContain(
      'not called',
    );
  });

  it('records no score without held-out rows', () => {
    const q = { overall: { model: 0.8 }, holdoutKind: null } as Parameters<typeof qualityScoreOf>[0];
    expect(qualityScoreOf(q)).toBeNull();
  });
});
