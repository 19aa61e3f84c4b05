/**
 * The web host in its own process, so that a crash shows: clients that send malformed
 * WebSocket frames get their socket closed, upgrades that cannot even be checked are
 * refused, and the host (and everyone else's socket) keeps running.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';

const TOKEN = 'test-token-456';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Starts test-host.ts and resolves with its port once it listens. */
function startHost(): Promise<{ child: ChildProcess; port: number; stderr: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/test-host.ts', TOKEN], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /port (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]), stderr: () => err });
    });
    child.once('exit', (code) => reject(new Error(`host exited (${code}) before listening`)));
  });
}

/** A client frame (clients must mask) with the given first byte, length bytes and payload. */
function frame(first: number, lengthBytes: number[], payload: number[] = []): Buffer {
  const mask = [0x12, 0x34, 0x56, 0x78];
  const masked = payload.map((b, i) => b ^ mask[i % 4]);
  return Buffer.from([first, 0x80 | lengthBytes[0], ...lengthBytes.slice(1), ...mask, ...masked]);
}

const BAD_FRAMES: Record<string, Buffer> = {
  'a reserved opcode': frame(0x83, [0]),
  'invalid UTF-8 in a text frame': frame(0x81, [2], [0xff, 0xfe]),
  'a frame over the size limit': frame(0x82, [127, 0, 0, 0, 0, 0, 0x01, 0x00, 0x01]),
};

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

describe('web host process', () => {
  let child: ChildProcess;
  let port: number;
  let stderr: () => string;

  beforeEach(async () => {
    ({ child, port, stderr } = await startHost());
  });

  afterEach(() => {
    child.kill();
  });

  /** The host still answers a contract call, has not exited and printed nothing. */
  async function expectStillServing(): Promise<void> {
    const res = await fetch(`http://127.0.0.1:${port}/api/rpc/app.info`, {
      method: 'POST',
      headers: { 'x-layerwise-token': TOKEN },
    }).catch((err: unknown) => {
      throw new Error(`the host stopped answering (${String(err)}); its stderr:\n${stderr()}`);
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { transport: 'web' } });
    expect(child.exitCode).toBeNull();
    expect(stderr()).toBe('');
  }

  it.each(Object.keys(BAD_FRAMES))('closes a socket that sends %s and keeps serving', async (name) => {
    const good = new WebSocket(`ws://127.0.0.1:${port}/api/events?token=${TOKEN}`);
    await new Promise((resolve, reject) => good.once('open', resolve).once('error', reject));
    const goodClosed = new Promise<void>((resolve) => good.once('close', () => resolve()));
    const bad = await rawUpgrade(port);
    const closed = new Promise<void>((resolve) => bad.once('close', () => resolve()));
    bad.on('error', () => undefined);
    bad.write(BAD_FRAMES[name]);
    await closed;
    await expectStillServing();
    expect(good.readyState).toBe(WebSocket.OPEN);
    good.close();
    await goodClosed;
  });

  // Both need no token: "//" is a path any web page can open a WebSocket to.
  it.each([
    ['a target that is no URL path (//), from a foreign page', '//', { origin: 'http://evil.example' }],
    ['a malformed token cookie', '/api/events', { headers: { cookie: 'lw_token=%E0' } }],
  ])('refuses an upgrade with %s and keeps serving', async (_name, path, options) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, options);
    const refusal = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('opened'));
      ws.once('error', (err) => resolve(err.message));
    });
    expect(refusal).toContain('401');
    await expectStillServing();
  });
});
