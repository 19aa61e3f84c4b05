/**
 * Where the command line writes, checked before any work: never over one of its inputs (same
 * real path, symlinks resolved), never over a file of another kind unless --force (and never
 * rows over a model), into a folder that exists and takes a file of the size to come (a probe
 * written and removed beside the target). A model whose save fails after training is kept in
 * the temporary folder instead of being lost.
 */
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { open, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, parse, resolve } from 'node:path';
import { AppError } from '../../shared/domain/errors.js';

const MODEL_MAGIC = Buffer.from('LWMODEL\0', 'latin1');
/** The probe is as large as the file to come, up to this. */
const MAX_PROBE_BYTES = 256 * 1024 ** 2;

/** The real path of `path` (symlinks resolved, also in its folder), or its absolute path when it does not exist. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

export async function isModelFile(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(8);
      const { bytesRead } = await handle.read(head, 0, 8, 0);
      return bytesRead === 8 && head.equals(MODEL_MAGIC);
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

export interface OutputRules {
  /** The files the command reads: the output may be none of them. */
  inputs: string[];
  /** What the output is: a model file may replace a model file; rows may replace any file but a model. */
  kind: 'model' | 'rows';
  /** Replace an existing file of another kind (or one named like the model's training data). */
  force: boolean;
  /** For rows: the name of the file the model was trained on, protected unless --force. */
  sourceName?: string;
}

/** Refuses an output that would destroy an input or a file of another kind. */
export async function checkOutput(out: string, rules: OutputRules): Promise<void> {
  const target = realPath(out);
  if (rules.inputs.some((input) => realPath(input) === target)) throw new AppError('cli.outputIsInput', { path: out });
  const existing = await stat(target).catch(() => null);
  if (!existing) return;
  if (existing.isDirectory()) throw new AppError('cli.outputIsFolder', { path: out });
  const model = await isModelFile(target);
  if (rules.kind === 'rows') {
    if (model) throw new AppError('cli.wouldOverwriteModel', { path: out });
    if (!rules.force && rules.sourceName !== undefined && basename(target) === rules.sourceName)
      throw new AppError('cli.wouldOverwrite', { path: out });
    return;
  }
  if (!model && !rules.force) throw new AppError('cli.wouldOverwrite', { path: out });
}

/** Writes and removes a probe file of `bytes` bytes beside `out`: the folder exists, may be written, and has room. */
export async function probeOutput(out: string, bytes: number): Promise<void> {
  const probe = join(dirname(resolve(out)), `.${basename(out)}.${randomBytes(6).toString('hex')}.probe`);
  let created = false;
  try {
    const handle = await open(probe, 'wx', 0o600);
    created = true;
    try {
      const chunk = Buffer.alloc(Math.min(bytes, 4 * 1024 ** 2));
      for (let left = Math.min(bytes, MAX_PROBE_BYTES); left > 0; left -= chunk.length)
        await handle.write(chunk, 0, Math.min(chunk.length, left));
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new AppError('cli.notWritable', { path: out, message: err instanceof Error ? err.message : String(err) });
  } finally {
    if (created) await unlink(probe).catch(() => undefined);
  }
}

/** A path in the temporary folder for a model that could not be saved where asked. */
export function fallbackPath(out: string): string {
  return join(tmpdir(), `layerwise-unsaved-${parse(out).name}-${randomBytes(4).toString('hex')}.lwm`);
}
