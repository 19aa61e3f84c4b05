/**
 * Exports on the web host: bytes kept behind a one-time download URL until the browser takes
 * them, and at most 5 minutes (an expired or taken export's bytes are released at once, by a
 * timer, not at the next export). The URL is under the session path and carries no token: the
 * browser's session cookie (or a script's token header) authenticates it like any request.
 */
import { randomUUID } from 'node:crypto';
import type { SaveResult } from '../../shared/contract.js';
import { MIME, type SaveRequest, type Saver } from '../platform/saver.js';
import { sessionPath } from './security.js';

export interface Download {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  expires: number;
  /** Served to view in the tab (a report to print), under a sandboxing CSP, not as an attachment. */
  inline: boolean;
}

export const DOWNLOAD_KEEP_MS = 5 * 60 * 1000;

export class WebSaver implements Saver {
  private readonly downloads = new Map<string, Download>();
  private readonly prefix: string;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    token: string,
    private readonly keepMs = DOWNLOAD_KEEP_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.prefix = sessionPath(token);
  }

  async save(request: SaveRequest): Promise<SaveResult> {
    const id = randomUUID();
    this.downloads.set(id, {
      fileName: request.suggestedName,
      mime: MIME[request.kind],
      bytes: request.bytes,
      inline: request.inline === true && request.kind === 'report',
      expires: this.now() + this.keepMs,
    });
    this.schedule();
    return {
      saved: true,
      fileName: request.suggestedName,
      path: null,
      downloadUrl: `${this.prefix}/api/download/${id}`,
    };
  }

  /** Takes a download out (each URL serves once). */
  take(id: string): Download | null {
    const d = this.peek(id);
    this.downloads.delete(id);
    return d;
  }

  /** A download still waiting, left in place (for HEAD). */
  peek(id: string): Download | null {
    this.prune();
    return this.downloads.get(id) ?? null;
  }

  /** Bytes held right now for downloads not taken yet (expired ones are let go by a timer). */
  heldBytes(): number {
    let n = 0;
    for (const d of this.downloads.values()) n += d.bytes.byteLength;
    return n;
  }

  /** Drops every download (the host is stopping). */
  clear(): void {
    this.downloads.clear();
    this.schedule();
  }

  private prune(): void {
    const now = this.now();
    for (const [id, d] of this.downloads) if (d.expires <= now) this.downloads.delete(id);
  }

  /** Keeps one timer for the next expiry while downloads wait, none otherwise. */
  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.downloads.size === 0) return;
    const next = Math.min(...[...this.downloads.values()].map((d) => d.expires));
    this.timer = setTimeout(
      () => {
        this.prune();
        this.schedule();
      },
      Math.max(0, next - this.now()) + 10,
    );
    this.timer.unref();
  }
}
