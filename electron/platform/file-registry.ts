/**
 * The only way a path reaches the data layer: files the user picked in a dialog or uploaded
 * are registered here and referred to by an opaque id afterwards. Nothing else is readable.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/domain/errors.js';
import type { FileRef } from '../../shared/contract.js';

export class FileRegistry {
  private readonly paths = new Map<string, string>();

  register(path: string, displayName = basename(path)): FileRef {
    let bytes: number;
    try {
      bytes = statSync(path).size;
    } catch (err) {
      throw new AppError('readFailed', {
        path: displayName,
        message: err instanceof Error ? err.message : String(err),
      });
    }
    const fileId = randomUUID();
    this.paths.set(fileId, path);
    return { fileId, name: displayName, bytes };
  }

  resolve(fileId: string): string {
    const path = this.paths.get(fileId);
    if (!path) throw new AppError('unknownFile');
    return path;
  }
}
