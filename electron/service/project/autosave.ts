/**
 * Autosaved projects: one `.lwproj` file per project in a folder of the user's data (desktop:
 * the app's data folder; web host: the per-user data folder, see platform/data-dir.ts),
 * written atomically so a killed process leaves the last good one. One `Autosaves` is shared
 * by every project of a process: it knows which projects are open (they are not offered for
 * restoring), lists the others newest first, and keeps the newest few.
 */
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { AutosaveEntry } from '../../../shared/domain/project.js';
import { AppError } from '../../../shared/domain/errors.js';
import { writeFileAtomic } from '../../base/atomic-write.js';
import { PROJECT_EXTENSION, projectFromBytes } from './project-file.js';

/** Autosaves kept; older ones are removed when a new one is written. */
export const KEEP_AUTOSAVES = 5;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class Autosaves {
  private readonly open = new Set<string>();

  constructor(readonly dir: string) {}

  /** A project is open in this process: not offered for restoring. */
  claim(id: string): void {
    this.open.add(id);
  }

  release(id: string): void {
    this.open.delete(id);
  }

  pathOf(id: string): string {
    if (!ID.test(id)) throw new AppError('project.unknownAutosave');
    return join(this.dir, `${id}${PROJECT_EXTENSION}`);
  }

  async write(id: string, bytes: Uint8Array): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.pathOf(id), bytes);
    await this.prune();
  }

  /** Autosaved projects not open here, newest first; unreadable files are skipped. */
  async list(): Promise<AutosaveEntry[]> {
    const entries: AutosaveEntry[] = [];
    for (const id of await this.ids()) {
      if (this.open.has(id)) continue;
      try {
        const content = projectFromBytes(await this.read(id), `${id}${PROJECT_EXTENSION}`);
        entries.push({ id, name: content.name, savedAt: content.savedAt, models: content.models.length });
      } catch {
        // A damaged autosave is not offered.
      }
    }
    return entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async read(id: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await readFile(this.pathOf(id)));
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('project.unknownAutosave');
    }
  }

  async remove(id: string): Promise<boolean> {
    try {
      await unlink(this.pathOf(id));
      return true;
    } catch (err) {
      if (err instanceof AppError) throw err;
      return false;
    }
  }

  private async ids(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names
      .filter((n) => n.endsWith(PROJECT_EXTENSION))
      .map((n) => n.slice(0, -PROJECT_EXTENSION.length))
      .filter((id) => ID.test(id));
  }

  /** Keeps the newest KEEP_AUTOSAVES files (by modification time); open projects' files are kept. */
  private async prune(): Promise<void> {
    const dated = await Promise.all(
      (await this.ids()).map(async (id) => ({ id, at: (await stat(this.pathOf(id)).catch(() => null))?.mtimeMs ?? 0 })),
    );
    dated.sort((a, b) => b.at - a.at);
    for (const { id } of dated.slice(KEEP_AUTOSAVES)) if (!this.open.has(id)) await this.remove(id);
  }
}

/** Runs writes one at a time; a write asked for while one runs is done once after it, with the latest state. */
export class WriteQueue {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly write: () => Promise<void>) {}

  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = null));
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.write().catch(() => undefined);
    } while (this.again);
  }
}
