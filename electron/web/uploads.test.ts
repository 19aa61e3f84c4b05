/**
 * Uploads within limits: a body over the limit is refused with 413 and a translated message
 * (up front when Content-Length says so, or as it arrives), a request the browser aborts or
 * that stalls leaves no file behind, and the host's upload folder (lw-uploads-*, with its pid)
 * goes when the host stops; a starting host removes the folders of hosts that crashed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, existsSync, utimesSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatError } from '../../shared/i18n/format.js';
import { startTestHost, TEST_TOKEN, type TestHost } from './test-fixture.js';
import { createUploadDir, removeStaleUploadDirs } from './upload-dir.js';
import { maxUploadBytesFromEnv } from './uploads.js';

/** The files in the host's upload folder, besides its pid file. */
const uploads = (t: TestHost) => readdirSync(t.host.uploadDir).filter((f) => f !== 'owner.pid');

/** Sends `first`, then nothing more (or aborts after `abortAfterMs`); resolves with the status, or 0 if the connection dropped. */
function partialUpload(t: TestHost, first: Buffer, opts: { length: number; abortAfterMs?: number }): Promise<number> {
  return new Promise((resolve) => {
    const req = request(`${t.base}/api/upload?name=big.csv`, {
      method: 'POST',
      headers: { 'x-layerwise-token': TEST_TOKEN, 'content-length': opts.length },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.write(first);
    if (opts.abortAfterMs !== undefined) setTimeout(() => req.destroy(), opts.abortAfterMs);
  });
}

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('uploads', () => {
  let t: TestHost;

  beforeAll(async () => {
    t = await startTestHost(undefined, { upload: { maxBytes: 1024, idleMs: 300 } });
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses a file over the limit with 413 and a message that names the limit', async () => {
    const res = await fetch(`${t.base}/api/upload?name=big.csv`, {
      method: 'POST',
      headers: { 'x-layerwise-token': TEST_TOKEN },
      body: 'x'.repeat(2048),
    });
    expect(res.status).toBe(413);
    const reply = (await res.json()) as { ok: false; error: { code: string; params: Record<string, number> } };
    expect(reply.error.code).toBe('web.uploadTooLarge');
    expect(formatError(reply.error, 'en')).toContain('LAYERWISE_MAX_UPLOAD_MB');
    expect(uploads(t)).toEqual([]);
  });

  it('stops reading a body that grows over the limit without saying so, and keeps nothing', async () => {
    const status = await new Promise<number>((resolve) => {
      const req = request(`${t.base}/api/upload?name=big.csv`, {
        method: 'POST',
        headers: { 'x-layerwise-token': TEST_TOKEN, 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', () => resolve(0));
      for (let i = 0; i < 8; i++) req.write('y'.repeat(512));
      req.end();
    });
    expect([0, 413]).toContain(status);
    await until(() => uploads(t).length === 0);
  });

  it('removes the partial file of an upload the browser aborts', async () => {
    const status = await partialUpload(t, Buffer.alloc(600, 97), { length: 1000, abortAfterMs: 100 });
    expect(status).toBe(0);
    await until(() => uploads(t).length === 0);
  });

  it('drops an upload that stalls, and removes its partial file', async () => {
    const status = await partialUpload(t, Buffer.alloc(600, 97), { length: 1000 });
    expect([0, 408]).toContain(status);
    await until(() => uploads(t).length === 0);
    expect(
      (await fetch(`${t.base}/api/rpc/app.info`, { method: 'POST', headers: { 'x-layerwise-token': TEST_TOKEN } }))
        .status,
    ).toBe(200);
  });

  it('reads its limit from LAYERWISE_MAX_UPLOAD_MB, 2048 MB by default', () => {
    expect(maxUploadBytesFromEnv({})).toBe(2048 * 1024 * 1024);
    expect(maxUploadBytesFromEnv({ LAYERWISE_MAX_UPLOAD_MB: '10' })).toBe(10 * 1024 * 1024);
    expect(maxUploadBytesFromEnv({ LAYERWISE_MAX_UPLOAD_MB: 'lots' })).toBeNull();
    expect(maxUploadBytesFromEnv({ LAYERWISE_MAX_UPLOAD_MB: '-1' })).toBeNull();
  });
});

describe('the upload folder', () => {
  const roots: string[] = [];
  const freshRoot = () => {
    const root = mkdtempSync(join(tmpdir(), 'lw-web-dirs-'));
    roots.push(root);
    return root;
  };

  afterEach(async () => {
    await Promise.all(roots.splice(0).map((r) => rm(r, { recursive: true, force: true })));
  });

  it('is one lw-uploads-* folder per host, with its pid, removed when the host stops', async () => {
    const t = await startTestHost();
    const dir = t.host.uploadDir;
    expect(dir.startsWith(join(t.root, 'lw-uploads-'))).toBe(true);
    expect(readFileSync(join(dir, 'owner.pid'), 'utf8')).toBe(String(process.pid));
    await fetch(`${t.base}/api/upload`, {
      method: 'POST',
      headers: { 'x-layerwise-token': TEST_TOKEN },
      body: 'a\n1\n',
    });
    await t.host.close();
    expect(existsSync(dir)).toBe(false);
    await t.close();
  });

  it('removes the folders of hosts that are gone, and keeps those of live hosts and newer ones', async () => {
    const root = freshRoot();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const make = (name: string, pid: string | null, ageSeconds: number) => {
      const dir = join(root, name);
      mkdirSync(dir);
      writeFileSync(join(dir, 'upload.csv'), 'a\n1\n');
      if (pid !== null) writeFileSync(join(dir, 'owner.pid'), pid);
      const when = Date.now() / 1000 - ageSeconds;
      if (pid !== null) utimesSync(join(dir, 'owner.pid'), when, when);
      utimesSync(dir, when, when);
      return dir;
    };
    const crashed = make('lw-uploads-crashed', dead, 3600);
    const noPid = make('lw-uploads-nopid', null, 3600);
    const live = make('lw-uploads-live', String(process.ppid), 3600);
    const newer = make('lw-uploads-newer', dead, -60);
    const other = make('lw-other-thing', dead, 3600);
    const removed = await removeStaleUploadDirs(root, Date.now() - 1000);
    expect(removed.sort()).toEqual([crashed, noPid].sort());
    for (const dir of [live, newer, other]) expect(existsSync(dir)).toBe(true);
  });

  it('is made by a starting host after the stale ones are gone', async () => {
    const root = freshRoot();
    const stale = await createUploadDir(root);
    writeFileSync(join(stale, 'owner.pid'), '999999999');
    utimesSync(join(stale, 'owner.pid'), 1, 1);
    const t = await startTestHost(undefined, { tempRoot: root });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(t.host.uploadDir)).toBe(true);
    await t.close();
  });
});
