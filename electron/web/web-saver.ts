/** Exports on the web host: bytes kept for a short while behind a one-time download URL. */
import { randomUUID } from 'node:crypto';
import type { SaveResult } from '../../shared/contract.js';
import { MIME, type SaveRequest, type Saver } from '../platform/saver.js';

export interface Download {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  expires: number;
}

const KEEP_MS = 10 * 60 * 1000;

export class WebSaver implements Saver {
  private readonly downloads = new Map<string, Download>();

  constructor(private readonly token: string) {}

  async save(request: SaveRequest): Promise<SaveResult> {
    this.prune();
    const id = randomUUID();
    this.downloads.set(id, {
      fileName: request.suggestedName,
      mime: MIME[request.kind],
      bytes: request.bytes,
      expires: Date.now() + KEEP_MS,
    });
    return {
      saved: true,
      fileName: request.suggestedName,
      path: null,
      downloadUrl: `/api/download/${id}?token=${encodeURIComponent(this.token)}`,
    };
  }

  /** Takes a download out (each URL serves once). */
  take(id: string): Download | null {
    this.prune();
    const d = this.downloads.get(id) ?? null;
    this.downloads.delete(id);
    return d;
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, d] of this.downloads) if (d.expires < now) this.downloads.delete(id);
  }
}
