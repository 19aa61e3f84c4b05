/**
 * Export responsiveness benchmark (run by hand): does a large export hold up the web host?
 * Starts the web host as a child process (`electron/web/main.ts`), imports the sample data,
 * trains a small model, then starts an export of 1,000,000 generated rows and meanwhile
 * sends a trivial request (`app.info`) every 50 ms, printing the round-trip times (the 95th
 * percentile is the figure; target < 100 ms), the export's total time, the file's size and
 * the host's peak resident memory.
 *   node --import tsx bench/export-responsiveness.ts [--rows 1000000] [--prior table|bernoulli|rbm]
 * The engine thread samples the rows (its speed depends on the top prior: the RBM prior is
 * far slower than the exact table); decoding and writing the CSV run on the host's thread,
 * a part at a time, which is what the round-trip times measure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Reply } from '../shared/contract.js';
import type { TrainConfig } from '../shared/domain/model.js';

const { values } = parseArgs({ options: { rows: { type: 'string' }, prior: { type: 'string' } } });
const ROWS = Number(values.rows ?? 1_000_000);
const PRIOR = (values.prior ?? 'table') as TrainConfig['topPrior'];
const TOKEN = randomBytes(24).toString('hex');
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function startHost(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/web/main.ts', '--port', '0', '--token', TOKEN, '--quiet'],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve({ child, base: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`the web host exited (${code}): ${out}`)));
  });
}

/** A contract call; a connection the host dropped (a kept-alive one it closed while busy) is tried once more. */
async function rpc<T>(base: string, method: string, input: unknown = {}): Promise<T> {
  const send = () =>
    fetch(`${base}/api/rpc/${method}`, {
      method: 'POST',
      headers: { 'x-layerwise-token': TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  const res = await send().catch(send);
  const reply = (await res.json()) as Reply;
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${JSON.stringify(reply.error.params)}`);
  return reply.value as T;
}

/** The child's resident memory in MB (Linux), or NaN. */
function rssMb(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function trainSmallModel(base: string): Promise<void> {
  await rpc(base, 'data.import', { source: { kind: 'sample' } });
  const { config } = await rpc<{ config: TrainConfig }>(base, 'train.defaults');
  const small: TrainConfig = {
    ...config,
    layers: config.layers.map((l) => ({ ...l, epochs: 1, units: Math.min(l.units, 16) })),
    topPrior: PRIOR,
    topEpochs: 1,
    fineTuneEpochs: 0,
  };
  await rpc(base, 'train.start', { config: small });
  while ((await rpc<unknown>(base, 'model.info')) === null) await new Promise((r) => setTimeout(r, 250));
}

async function main(): Promise<void> {
  const { child, base } = await startHost();
  try {
    const t0 = Date.now();
    await trainSmallModel(base);
    console.log(
      `sample imported and a small model trained (top prior ${PRIOR}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    let peakRss = rssMb(child.pid);
    const started = performance.now();
    let done = false;
    const exported = rpc<{ downloadUrl: string }>(base, 'export.samples', { rows: ROWS, seed: 1 }).finally(
      () => (done = true),
    );
    const rtts: number[] = [];
    while (!done) {
      const sent = performance.now();
      await rpc(base, 'app.info');
      rtts.push(performance.now() - sent);
      peakRss = Math.max(peakRss, rssMb(child.pid));
      await new Promise((r) => setTimeout(r, 50));
    }
    const { downloadUrl } = await exported;
    const exportSeconds = (performance.now() - started) / 1000;
    const head = await fetch(`${base}${downloadUrl}`, { method: 'HEAD', headers: { 'x-layerwise-token': TOKEN } });
    const bytes = Number(head.headers.get('content-length'));
    const sorted = [...rtts].sort((a, b) => a - b);
    console.log(
      `export of ${ROWS.toLocaleString('en-US')} rows: ${exportSeconds.toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB`,
    );
    console.log(
      `app.info round trips during the export (${rtts.length}): p50 ${fmt(percentile(sorted, 0.5))}, ` +
        `p95 ${fmt(percentile(sorted, 0.95))} (target < 100 ms), max ${fmt(sorted.at(-1) ?? NaN)}`,
    );
    console.log(`web host peak resident memory: ${peakRss.toFixed(0)} MB`);
    console.log(
      `machine: ${cpus().length} cores, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
