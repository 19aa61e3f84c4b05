/**
 * Exports waiting for the browser: a one-time URL under the session path without the token,
 * the bytes let go as soon as they are downloaded, and after 5 minutes at most even if no
 * other export or download happens.
 */
import { describe, expect, it } from 'vitest';
import { sessionPath } from './security.js';
import { DOWNLOAD_KEEP_MS, WebSaver } from './web-saver.js';

const TOKEN = 'a-token-of-some-length-0123';
const bytes = new Uint8Array(1000);

describe('the web host saver', () => {
  it('gives a one-time URL under the session path that carries no token', async () => {
    const saver = new WebSaver(TOKEN);
    const result = await saver.save({ kind: 'csv', suggestedName: 'rows.csv', bytes });
    expect(result.downloadUrl).toMatch(new RegExp(`^${sessionPath(TOKEN)}/api/download/[0-9a-f-]{36}$`));
    expect(result.downloadUrl).not.toContain(TOKEN);
    const id = result.downloadUrl!.split('/').at(-1)!;
    expect(saver.peek(id)?.bytes).toBe(bytes);
    expect(saver.take(id)?.bytes).toBe(bytes);
    expect(saver.heldBytes()).toBe(0);
    expect(saver.take(id)).toBeNull();
  });

  it('keeps an export 5 minutes at most, and lets its bytes go then without waiting for another', async () => {
    expect(DOWNLOAD_KEEP_MS).toBe(5 * 60 * 1000);
    const saver = new WebSaver(TOKEN, 50);
    await saver.save({ kind: 'csv', suggestedName: 'rows.csv', bytes });
    expect(saver.heldBytes()).toBe(1000);
    await new Promise((r) => setTimeout(r, 150));
    expect(saver.heldBytes()).toBe(0);
  });
});
