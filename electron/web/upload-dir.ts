/**
 * The web host's folder for uploaded files: one `lw-uploads-*` folder per host in the
 * temporary directory, holding the host's pid, removed when the host stops. A host that
 * crashed could not remove its own, so a starting host removes the folders of hosts that are
 * gone: older than itself, and whose pid is not a live process.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const UPLOAD_DIR_PREFIX = 'lw-uploads-';
const OWNER_FILE = 'owner.pid';

/** Makes this host's upload folder (readable by this user only) and writes its pid in it. */
export async function createUploadDir(root = tmpdir()): Promise<string> {
  const dir = await mkdtemp(join(root, UPLOAD_DIR_PREFIX));
  await writeFile(join(dir, OWNER_FILE), String(process.pid), { mode: 0o600 });
  return dir;
}

/** Whether a process with this pid runs (EPERM: it runs, as another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When the folder was made and by which pid (null when its pid file is missing or unreadable). */
async function ownerOf(dir: string): Promise<{ pid: number | null; madeAt: number } | null> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory() || (process.getuid && info.uid !== process.getuid())) return null;
  const pidFile = join(dir, OWNER_FILE);
  const pidInfo = await stat(pidFile).catch(() => null);
  const text = await readFile(pidFile, 'utf8').catch(() => '');
  const pid = /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
  return { pid, madeAt: (pidInfo ?? info).mtimeMs };
}

/**
 * Removes the upload folders in `root` left by hosts that are gone: made before this process
 * started (`startedAt`) and whose pid is not alive, or is this process's own (a reused pid).
 * Folders of other users, and of live hosts, are left alone. Returns the folders removed.
 */
export async function removeStaleUploadDirs(
  root = tmpdir(),
  startedAt = Date.now() - process.uptime() * 1000,
): Promise<string[]> {
  const names = await readdir(root).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(UPLOAD_DIR_PREFIX)) continue;
    const dir = join(root, name);
    const owner = await ownerOf(dir);
    if (!owner || owner.madeAt >= startedAt) continue;
    if (owner.pid !== null && owner.pid !== process.pid && isAlive(owner.pid)) continue;
    await rm(dir, { recursive: true, force: true }).then(
      () => removed.push(dir),
      () => undefined,
    );
  }
  return removed;
}
