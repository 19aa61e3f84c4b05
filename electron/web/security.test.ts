import { describe, expect, it } from 'vitest';
import {
  cookieName,
  cookieSecret,
  cookieValue,
  isAllowedOrigin,
  isLoopbackHost,
  sessionPath,
  tokensEqual,
} from './security.js';

describe('web host request checks', () => {
  it('accepts only loopback Host headers on the right port', () => {
    expect(isLoopbackHost('127.0.0.1:4750', 4750)).toBe(true);
    expect(isLoopbackHost('localhost:4750', 4750)).toBe(true);
    expect(isLoopbackHost('[::1]:4750', 4750)).toBe(true);
    expect(isLoopbackHost('127.0.0.1:4751', 4750)).toBe(false);
    expect(isLoopbackHost('evil.example:4750', 4750)).toBe(false);
    expect(isLoopbackHost('127.0.0.1.evil.example:4750', 4750)).toBe(false);
    expect(isLoopbackHost(undefined, 4750)).toBe(false);
  });

  it('accepts no Origin or a loopback http Origin only', () => {
    expect(isAllowedOrigin(undefined, 80)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:9000', 9000)).toBe(true);
    expect(isAllowedOrigin('http://evil.example', 9000)).toBe(false);
    expect(isAllowedOrigin('https://127.0.0.1:9000', 9000)).toBe(false);
    expect(isAllowedOrigin('null', 9000)).toBe(false);
  });

  it('compares tokens exactly', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abd', 'abc')).toBe(false);
    expect(tokensEqual('ab', 'abc')).toBe(false);
    expect(tokensEqual(null, 'abc')).toBe(false);
  });

  it('reads cookies', () => {
    expect(cookieValue('a=1; lw_token=xyz; b=2', 'lw_token')).toBe('xyz');
    expect(cookieValue('a=1', 'lw_token')).toBeNull();
    expect(cookieValue(undefined, 'lw_token')).toBeNull();
    expect(cookieValue('lw_token_80=%E0', 'lw_token_80')).toBeNull();
  });

  it('derives the session cookie and path from the token without giving the token away', () => {
    const token = 'f'.repeat(48);
    expect(cookieName(4750)).toBe('lw_token_4750');
    expect(cookieSecret(token)).not.toContain(token);
    expect(cookieSecret(token)).toBe(cookieSecret(token));
    expect(cookieSecret(token)).not.toBe(cookieSecret(`${token}x`));
    expect(sessionPath(token)).toMatch(/^\/s\/[\w-]{24}$/);
    expect(sessionPath(token)).not.toBe(sessionPath(`${token}x`));
    expect(sessionPath(token).slice(3)).not.toBe(cookieSecret(token).slice(0, 24));
  });
});
