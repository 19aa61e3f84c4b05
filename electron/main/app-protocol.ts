/**
 * The app's own scheme, `app://layerwise/`, which serves the built renderer to the window
 * instead of `file://`. A `file://` page shares its origin with every local file; a page of
 * this scheme has its own origin, reaches only the renderer folder (app-files.ts), and lets
 * the packaged app turn off the GrantFileProtocolExtraPrivileges fuse (electron-builder.yml).
 * Registered as standard and secure, so the page is a secure context with its own storage,
 * like an https page; the CSP header comes with the page.
 */
import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME } from './app-location.js';
import { appFileResponse } from './app-files.js';

/** Declares the scheme's privileges; Electron requires this before the app is ready. */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** Answers the scheme's requests from `root`, the built renderer folder (inside the asar archive in a package). */
export function serveAppScheme(protocol: Protocol, root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await appFileResponse(root, request.method, request.url, (file) => readFile(file));
    return new Response(answer.body as BodyInit | null, { status: answer.status, headers: answer.headers });
  });
}
