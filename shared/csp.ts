/**
 * The Content-Security-Policy of the app's page, defined once for the three places that state
 * it: the Electron window's responses, the web host's responses and the page's own meta tag
 * (injected into index.html at build time by renderer/vite.config.ts).
 *
 * `connect-src 'self'` lets the page reach its own origin only. In the desktop window that is
 * the app's own scheme (the renderer talks to the main process over IPC, never the network);
 * behind the web host it is http://127.0.0.1:<port> and, by CSP level 3, the WebSocket of
 * server events on the same host and port (ws://127.0.0.1:<port>), which Chromium follows
 * (e2e/csp.spec.ts). No other host or port, and no `ws:` wildcard.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy as a response header. */
export const CSP_HEADER = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** The same policy in a `<meta http-equiv>` tag, where browsers ignore (and warn about) `frame-ancestors`. */
export const CSP_META = DIRECTIVES.join('; ');

/** The directives of a policy by name, each with its source list. */
export function cspDirectives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}
