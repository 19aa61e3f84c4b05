/**
 * The project file: what is saved comes back (models' bytes, chart points, figures, choices;
 * not the data's rows), written atomically; a truncated, damaged, newer or foreign file is
 * refused with a message in both languages; a model written by 0.1.0 inside a project still
 * generates the rows it generated.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelRecord } from '../../../shared/domain/project.js';
import { formatError } from '../../../shared/i18n/format.js';
import { writeFileAtomic } from '../../base/atomic-write.js';
import { toCsv } from '../../data/index.js';
import { bundleFromBytes, sampleRows } from '../../synthesizer/index.js';
import { projectFromBytes, projectToBytes, type ProjectContent } from './project-file.js';

const fixtures = fileURLToPath(new URL('../../synthesizer/fixtures/', import.meta.url));
let dir: string;
let oldModel: Uint8Array;
let content: ProjectContent;

function record(id: string): ModelRecord {
  const manifest = bundleFromBytes(oldModel).manifest;
  return {
    id,
    name: 'Model 1',
    origin: 'trained',
    createdAt: manifest.createdAt,
    config: manifest.config,
    summary: manifest.metrics,
    bits: 40,
    lineage: null,
    points: [
      { layer: 0, stage: 'layer', epoch: 1, train: -20.5, valid: -21 },
      { layer: 0, stage: 'top', epoch: 1, train: -19.25, valid: null },
    ],
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lw-project-file-'));
  oldModel = new Uint8Array(await readFile(join(fixtures, 'sample-orders-v0.1.lwm')));
  content = {
    appVersion: '9.9.9',
    savedAt: '2026-12-01T10:00:00.000Z',
    id: '11111111-2222-4333-8444-555555555555',
    name: 'orders',
    source: null,
    data: null,
    subset: null,
    modelOnly: false,
    models: [
      { record: record('m1'), bytes: oldModel },
      { record: { ...record('m2'), name: 'Model 2' }, bytes: oldModel.subarray(0, oldModel.byteLength) },
    ],
    selected: 'm2',
    run: null,
  };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const refusal = (bytes: Uint8Array) => {
  try {
    projectFromBytes(bytes, 'orders.lwproj');
  } catch (err) {
    return err as { code: string };
  }
  throw new Error('not refused');
};

describe('the project file', () => {
  it('gives back what was saved, through an atomic write', async () => {
    const path = join(dir, 'orders.lwproj');
    await writeFileAtomic(path, projectToBytes(content));
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const back = projectFromBytes(new Uint8Array(await readFile(path)), 'orders.lwproj');
    expect(back).toEqual({ ...content, models: content.models.map((m) => ({ ...m, bytes: new Uint8Array(m.bytes) })) });
    expect(back.models[0].record.points).toHaveLength(2);
  });

  it('holds a model written by 0.1.0 that still generates the rows it generated', async () => {
    const back = projectFromBytes(projectToBytes(content), 'orders.lwproj');
    const expected = await readFile(join(fixtures, 'sample-orders-v0.1-rows-seed3.csv'), 'utf8');
    expect(toCsv(sampleRows(bundleFromBytes(back.models[1].bytes), 5, 3))).toBe(expected);
  });

  it('refuses a truncated file, a damaged one, a newer one and another kind of file, in English and Japanese', () => {
    const bytes = projectToBytes(content);
    const truncated = refusal(bytes.subarray(0, bytes.byteLength - 100));
    expect(truncated).toMatchObject({ code: 'project.corrupt' });
    expect(formatError(truncated, 'en')).toContain('"orders.lwproj" is damaged (the models are cut short)');
    expect(formatError(truncated, 'ja')).toContain('壊れています');
    expect(refusal(bytes.subarray(0, 30))).toMatchObject({ code: 'project.corrupt' });

    const damaged = Uint8Array.from(bytes);
    damaged[damaged.byteLength - 10] ^= 0xff;
    expect(refusal(damaged)).toMatchObject({ code: 'project.corrupt', params: { reason: 'the models are damaged' } });

    const newer = Uint8Array.from(bytes);
    new DataView(newer.buffer).setUint32(8, 2, true);
    const err = refusal(newer);
    expect(err).toMatchObject({ code: 'project.newerVersion', params: { version: 2, supported: 1 } });
    expect(formatError(err, 'en')).toContain('newer version of Layerwise Studio');
    expect(formatError(err, 'ja')).toContain('新しいバージョン');

    const foreign = refusal(new TextEncoder().encode('region,amount\nEast,1\n'));
    expect(foreign).toMatchObject({ code: 'project.notAProject' });
    expect(formatError(foreign, 'en')).toContain('"orders.lwproj" is not a Layerwise project');
  });

  it('does not save the rows of the data', async () => {
    const withData: ProjectContent = {
      ...content,
      data: {
        datasetId: 'd',
        fileName: 'orders.csv',
        bytes: 10,
        detected: {
          encoding: 'utf-8',
          delimiter: ',',
          quote: '"',
          header: true,
          raggedRows: 'pad',
          missingTokens: [],
          dayFirst: null,
        },
        options: {
          encoding: 'utf-8',
          delimiter: ',',
          quote: '"',
          header: true,
          raggedRows: 'pad',
          missingTokens: [],
          dayFirst: null,
        },
        rows: 1,
        fileRows: 1,
        columns: [],
        preview: { header: ['secret'], rows: [['4111-1111-1111-1111']] },
        problems: [],
        sampledOnImport: false,
      },
    };
    const path = join(dir, 'data.lwproj');
    await writeFile(path, projectToBytes(withData));
    expect((await readFile(path)).toString('latin1')).not.toContain('4111-1111');
    expect(projectFromBytes(new Uint8Array(await readFile(path)), 'data.lwproj').data?.preview).toEqual({
      header: ['secret'],
      rows: [],
    });
  });
});
