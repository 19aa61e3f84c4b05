/**
 * The only way a path reaches the data layer: files the user picked in a dialog or uploaded
 * are registered here and referred to by an opaque id afterwards. Nothing else is readable.
 * Each file keeps the name the user knows it by (an upload's original name, not the name of
 * its stored copy), for headers, reports and the names of exported files.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/domain/errors.js';
import type { FileRef } from '../../shared/contract.js';

export interface RegisteredFile {
  path: string;
  /** The name the user knows the file by. */
  name: string;
}

export class FileRegistry {
  private readonly files = new Map<string, RegisteredFile>();

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
    this.files.set(fileId, { path, name: displayName });
    return { fileId, name: displayName, bytes };
  }

  resolve(fileId: string): string {
    return this.lookup(fileId).path;
  }

  /** The file's path and the name the user knows it by. */
  lookup(fileId: string): RegisteredFile {
    const file = this.files.get(fileId);
    if (!file) throw new AppError('unknownFile');
    return file;
  }
}
