/**
 * The web host's defences: no token, a wrong token, a foreign Host (DNS rebinding) or a
 * foreign Origin is refused; the token in a header, the URL or the session cookie works.
 */
import { expect, hostState, test, webOnly } from './fixtures.js';
import { request as httpRequest } from 'node:http';
import { WebSocket } from 'ws';

function get(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

test('the web host turns away a caller without the token, or with a foreign Host or Origin, and lets the studio in', async ({
  target,
}) => {
  webOnly(target);
  const { url, token } = hostState();
  const base = new URL(url);
  const root = `${base.origin}/`;
  const rpc = `${base.origin}/api/rpc/app.info`;

  expect((await get(root)).status).toBe(401);
  expect((await get(rpc, {}, 'POST', '{}')).status).toBe(401);
  expect((await get(rpc, { 'x-layerwise-token': 'wrong' }, 'POST', '{}')).status).toBe(401);
  expect((await get(rpc, { 'x-layerwise-token': token, Host: `evil.example:${base.port}` }, 'POST', '{}')).status).toBe(
    403,
  );
  expect((await get(rpc, { 'x-layerwise-token': token, Origin: 'http://evil.example' }, 'POST', '{}')).status).toBe(
    403,
  );

  const ok = await get(rpc, { 'x-layerwise-token': token, 'content-type': 'application/json' }, 'POST', '{}');
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { transport: 'web' } });
  expect((await get(url)).status).toBe(200);
});

test('the event socket opens only for a caller with the token', async ({ target }) => {
  webOnly(target);
  const { url, token } = hostState();
  const base = new URL(url);
  const opens = (wsUrl: string) =>
    new Promise<boolean>((resolve) => {
      const ws = new WebSocket(wsUrl);
      ws.on('open', () => {
        ws.close();
        resolve(true);
      });
      ws.on('error', () => resolve(false));
    });
  expect(await opens(`ws://${base.host}/api/events`)).toBe(false);
  expect(await opens(`ws://${base.host}/api/events?token=wrong`)).toBe(false);
  expect(await opens(`ws://${base.host}/api/events?token=${token}`)).toBe(true);
});
