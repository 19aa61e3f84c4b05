/**
 * The web host in its own process, so that a crash shows: clients that send malformed
 * WebSocket frames get their socket closed, upgrades that cannot even be checked are
 * refused, and the host (and everyone else's socket) keeps running. A fuzz of frames after a
 * valid upgrade (oversized, malformed, fragmented, random bytes) leaves it answering too.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';

const TOKEN = 'test-token-456-abcdef';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

interface Host {
  child: ChildProcess;
  port: number;
  stderr: () => string;
  /** Stops the host (SIGTERM, as Ctrl+C would) and removes its temporary folder. */
  stop(): Promise<void>;
}

/** Starts test-host.ts in a fresh lw-web-proc-* folder and resolves once it listens. */
function startHost(): Promise<Host> {
  const root = mkdtempSync(join(tmpdir(), 'lw-web-proc-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/test-host.ts', TOKEN, root], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(root, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /port (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]), stderr: () => err, stop });
    });
    child.once('exit', (code) => {
      void rm(root, { recursive: true, force: true });
      reject(new Error(`host exited (${code}) before listening: ${err}`));
    });
  });
}

/** A client frame (masked unless told) with the given first byte, length bytes and payload. */
function frame(first: number, lengthBytes: number[], payload: number[] = [], masked = true): Buffer {
  if (!masked) return Buffer.from([first, ...lengthBytes, ...payload]);
  const mask = [0x12, 0x34, 0x56, 0x78];
  const body = payload.map((b, i) => b ^ mask[i % 4]);
  return Buffer.from([first, 0x80 | lengthBytes[0], ...lengthBytes.slice(1), ...mask, ...body]);
}

const text = (s: string) => [...Buffer.from(s)];
const big = (n: number) => new Array<number>(n).fill(0x61);
const len16 = (n: number) => [126, n >> 8, n & 0xff];

const BAD_FRAMES: Record<string, Buffer> = {
  'a reserved opcode': frame(0x83, [0]),
  'invalid UTF-8 in a text frame': frame(0x81, [2], [0xff, 0xfe]),
  'a frame over the size limit': frame(0x82, [127, 0, 0, 0, 0, 0, 0x01, 0x00, 0x01]),
};

/** What the fuzz sends after a valid upgrade: each must leave the host answering. */
const FUZZ: Record<string, Buffer> = {
  'a 70,000-byte frame': frame(0x82, [127, 0, 0, 0, 0, 0, 0x01, 0x11, 0x70], big(70_000)),
  'a length of 2^63 - 1': frame(0x82, [127, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
  'RSV bits without an extension': frame(0xf1, [1], [0x61]),
  'an unmasked client frame': frame(0x81, [1], [0x61], false),
  'a control frame over 125 bytes': frame(0x89, len16(200), big(200)),
  'a close frame with one byte': frame(0x88, [1], [0x03]),
  'a close frame with an invalid code': frame(0x88, [2], [0x03, 0xe7]),
  'a fragmented text message': Buffer.concat([frame(0x01, [3], text('abc')), frame(0x80, [3], text('def'))]),
  'a continuation with nothing to continue': frame(0x80, [3], text('abc')),
  'a fragmented control frame': frame(0x09, [1], [0x61]),
  'a new message inside a fragmented one': Buffer.concat([frame(0x01, [1], text('a')), frame(0x81, [1], text('b'))]),
  'fragments adding up over the size limit': Buffer.concat([
    ...Array.from({ length: 5 }, () => frame(0x02, len16(20_000), big(20_000))),
    frame(0x80, len16(20_000), big(20_000)),
  ]),
  'invalid UTF-8 split across fragments': Buffer.concat([frame(0x01, [1], [0xe3]), frame(0x80, [1], [0x41])]),
};

/** Seeded random bytes (mulberry32), so a failure can be replayed. */
function randomBytesSeeded(seed: number, n: number): Buffer {
  let a = seed >>> 0;
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

/** Opens a raw socket, upgrades it with the token, and resolves once the 101 reply is in. */
function rawUpgrade(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  socket.write(
    `GET /api/events?token=${TOKEN} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
      'Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  );
  return new Promise((resolve, reject) => {
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (head.startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}

/** The host still answers a contract call, has not exited and printed nothing. */
async function expectStillServing(host: Host, after = ''): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/rpc/app.info`, {
    method: 'POST',
    headers: { 'x-layerwise-token': TOKEN },
  }).catch((err: unknown) => {
    throw new Error(`the host stopped answering ${after}(${String(err)}); its stderr:\n${host.stderr()}`);
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, value: { transport: 'web' } });
  expect(host.child.exitCode).toBeNull();
  expect(host.stderr()).toBe('');
}

async function openGood(port: number): Promise<WebSocket> {
  const good = new WebSocket(`ws://127.0.0.1:${port}/api/events?token=${TOKEN}`);
  await new Promise((resolve, reject) => good.once('open', resolve).once('error', reject));
  return good;
}

describe('web host process', () => {
  let host: Host;

  beforeEach(async () => {
    host = await startHost();
  });

  afterEach(async () => {
    await host.stop();
  });

  it.each(Object.keys(BAD_FRAMES))('closes a socket that sends %s and keeps serving', async (name) => {
    const good = await openGood(host.port);
    const goodClosed = new Promise<void>((resolve) => good.once('close', () => resolve()));
    const bad = await rawUpgrade(host.port);
    const closed = new Promise<void>((resolve) => bad.once('close', () => resolve()));
    bad.on('error', () => undefined);
    bad.write(BAD_FRAMES[name]);
    await closed;
    await expectStillServing(host);
    expect(good.readyState).toBe(WebSocket.OPEN);
    good.close();
    await goodClosed;
  });

  // Both need no token: "//" is a path any web page can open a WebSocket to.
  it.each([
    ['a target that is no URL path (//), from a foreign page', '//', () => ({ origin: 'http://evil.example' })],
    ['a malformed token cookie', '/api/events', (port: number) => ({ headers: { cookie: `lw_token_${port}=%E0` } })],
  ])('refuses an upgrade with %s and keeps serving', async (_name, path, options) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, options(host.port));
    const refusal = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('opened'));
      ws.once('error', (err) => resolve(err.message));
    });
    expect(refusal).toContain('401');
    await expectStillServing(host);
  });
});

describe('web host process under a WebSocket fuzz', () => {
  let host: Host;

  beforeAll(async () => {
    host = await startHost();
  });

  afterAll(async () => {
    await host.stop();
  });

  /** Upgrades, sends `bytes`, waits until the host closes the socket or 300 ms pass, then hangs up. */
  async function send(bytes: Buffer): Promise<void> {
    const socket = await rawUpgrade(host.port);
    socket.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(bytes);
    await Promise.race([closed, new Promise((r) => setTimeout(r, 300))]);
    socket.destroy();
  }

  it('keeps answering, and keeps a good socket open, whatever frames a client sends', async () => {
    const good = await openGood(host.port);
    for (const [name, bytes] of Object.entries(FUZZ)) {
      await send(bytes);
      await expectStillServing(host, `after ${name} `);
    }
    for (let seed = 1; seed <= 24; seed++) {
      await send(randomBytesSeeded(seed, 1 + ((seed * 977) % 6000)));
      await expectStillServing(host, `after random bytes of seed ${seed} `);
    }
    expect(good.readyState).toBe(WebSocket.OPEN);
    good.close();
  });
});
