/**
 * Autosaves: listed newest first without the projects open here, pruned to the newest few,
 * refused for an id that is not one (no path tricks), and atomic — a process killed while it
 * writes leaves the last complete project, never a half-written one.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Autosaves, KEEP_AUTOSAVES, WriteQueue } from './autosave.js';
import { projectFromBytes, projectToBytes, type ProjectContent } from './project-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lw-autosave-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const content = (n: number, savedAt: string): ProjectContent => ({
  appVersion: '9.9.9',
  savedAt,
  id: id(n),
  name: `project ${n}`,
  source: null,
  data: null,
  subset: null,
  modelOnly: false,
  models: [],
  selected: null,
  run: null,
});

describe('autosaves', () => {
  it('lists the autosaved projects newest first, except those open here, and keeps the newest few', async () => {
    const folder = join(dir, 'list');
    const autosaves = new Autosaves(folder);
    for (let n = 1; n <= KEEP_AUTOSAVES + 2; n++) {
      await autosaves.write(id(n), projectToBytes(content(n, `2026-12-01T10:00:0${n}.000Z`)));
      await utimes(autosaves.pathOf(id(n)), n * 1000, n * 1000);
    }
    await writeFile(join(folder, 'notes.txt'), 'not a project');
    autosaves.claim(id(KEEP_AUTOSAVES + 2));
    const listed = await autosaves.list();
    expect(listed.map((e) => e.name)).toEqual(
      Array.from({ length: KEEP_AUTOSAVES - 1 }, (_, i) => `project ${KEEP_AUTOSAVES + 1 - i}`),
    );
    expect(listed[0]).toEqual({
      id: id(KEEP_AUTOSAVES + 1),
      name: `project ${KEEP_AUTOSAVES + 1}`,
      savedAt: expect.any(String),
      models: 0,
    });
    expect(await autosaves.remove(listed[0].id)).toBe(true);
    expect(await autosaves.remove(listed[0].id)).toBe(false);
    await expect(autosaves.read('../../etc/passwd')).rejects.toMatchObject({ code: 'project.unknownAutosave' });
    await expect(autosaves.read(id(99))).rejects.toMatchObject({ code: 'project.unknownAutosave' });
  });

  it('leaves the last complete project when the process writing it is killed', async () => {
    const folder = join(dir, 'killed');
    const script = join(dir, 'writer.mjs');
    const module = (name: string) => JSON.stringify(new URL(name, import.meta.url).href);
    await writeFile(
      script,
      `import { Autosaves } from ${module('./autosave.ts')};
import { projectToBytes } from ${module('./project-file.ts')};
const autosaves = new Autosaves(${JSON.stringify(folder)});
const big = new Uint8Array(48 * 1024 * 1024);
const record = { id: 'm', name: 'Model 1', origin: 'trained', createdAt: 'x', config: ${JSON.stringify(configJson())}, summary: ${JSON.stringify(summaryJson())}, bits: 1, lineage: null, points: [] };
const version = (i) => {
  big.fill(i);
  return projectToBytes({ appVersion: '9', savedAt: new Date().toISOString(), id: ${JSON.stringify(id(1))}, name: 'write ' + i, source: null, data: null, subset: null, modelOnly: false, models: [{ record, bytes: big }], selected: 'm', run: null });
};
const versions = [version(1), version(2)];
for (let i = 0; ; i++) {
  await autosaves.write(${JSON.stringify(id(1))}, versions[i % 2]);
  if (i === 0) process.stdout.write('saved\\n');
}
`,
    );
    // Killed at a random moment, three times: each time the file left is a whole project.
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', script], {
        cwd: fileURLToPath(new URL('../../../', import.meta.url)),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`writer exited with ${code}`)));
      });
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 300));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const project = projectFromBytes(await new Autosaves(folder).read(id(1)), 'autosave');
      expect(project.name).toMatch(/^write [12]$/);
      expect(project.models[0].bytes.byteLength).toBe(48 * 1024 * 1024);
    }
    const autosaves = new Autosaves(folder);
    expect(await autosaves.list()).toHaveLength(1);
  }, 60_000);

  it('writes one at a time, the latest state last', async () => {
    const written: number[] = [];
    let state = 0;
    const queue = new WriteQueue(async () => {
      const seen = state;
      await new Promise((r) => setTimeout(r, 20));
      written.push(seen);
    });
    state = 1;
    const first = queue.request();
    state = 2;
    void queue.request();
    state = 3;
    await queue.request();
    await first;
    expect(written).toEqual([1, 3]);
    expect(await readdir(dir)).not.toContain('undefined');
  });
});

function configJson() {
  const layer = {
    units: 2,
    method: 'aeries',
    epochs: 1,
    batchSize: 8,
    learningRate: 0.01,
    samples: 1,
    inferenceWidth: null,
    criterion: 'blm',
    cdK: 1,
    persistent: true,
  };
  return {
    layers: [layer],
    topPrior: 'bernoulli',
    topHidden: 1,
    topEpochs: 0,
    seed: 1,
    validationFraction: 0.1,
    patience: 0,
    fineTuneEpochs: 0,
  };
}

function summaryJson() {
  const e = { value: -1, exact: true, se: null };
  return {
    backend: 'cpu',
    seconds: 0,
    layers: [],
    logLikelihood: { train: e, valid: null, test: null },
    fineTune: null,
    outside: null,
  };
}
