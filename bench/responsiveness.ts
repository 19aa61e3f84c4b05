/**
 * Responsiveness benchmark (run by hand): is the window still answered while a model trains?
 * Starts the web host as a child process (as the end-to-end suite does), imports the sample,
 * starts training with the defaults, and meanwhile sends a trivial request (`app.info`) every
 * 50 ms through the same transport the page uses, until the run ends. Prints the round-trip
 * times (median, 95th percentile, maximum) and how many were sent. Target: 95th percentile
 * under 100 ms.   node --import tsx bench/responsiveness.ts [--epochs N]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { MethodName, MethodOutput } from '../shared/contract.js';
import type { TrainConfig } from '../shared/domain/model.js';

const { values } = parseArgs({ options: { epochs: { type: 'string' } } });
const PROBE_MS = 50;
const root = fileURLToPath(new URL('../', import.meta.url));
const token = randomBytes(16).toString('hex');

const host = spawn(
  process.execPath,
  ['--import', 'tsx', 'electron/web/main.ts', '--port', '0', '--token', token, '--quiet'],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  host.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
    if (m) resolve(m[1]);
  });
  host.once('exit', (code) => reject(new Error(`the web host exited with ${code}: ${out}`)));
});

async function call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
  const res = await fetch(`${base}/api/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-layerwise-token': token },
    body: JSON.stringify(input),
  });
  const reply = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  return reply.value as MethodOutput<M>;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

try {
  await call('app.info', {});
  await call('data.import', { source: { kind: 'sample' } });
  const defaults = await call('train.defaults', {});
  const epochs = values.epochs ? Number(values.epochs) : null;
  const config: TrainConfig = epochs
    ? { ...defaults.config, layers: defaults.config.layers.map((l) => ({ ...l, epochs })), topEpochs: epochs }
    : defaults.config;
  const started = performance.now();
  const { runId } = await call('train.start', { config });
  const times: number[] = [];
  let done = false;
  // The run is over once the service holds its model (checked once a second, not counted).
  const watcher = setInterval(() => {
    void call('model.info', {}).then((m) => (done ||= m?.runId === runId));
  }, 1000);
  while (!done) {
    const t0 = performance.now();
    await call('app.info', {});
    const rtt = performance.now() - t0;
    times.push(rtt);
    await new Promise((r) => setTimeout(r, Math.max(0, PROBE_MS - rtt)));
  }
  clearInterval(watcher);
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  console.log(
    `training on the sample (${defaults.rows} rows, defaults${epochs ? `, ${epochs} epochs` : ''}): ${seconds.toFixed(1)} s`,
  );
  console.log(
    `app.info every ${PROBE_MS} ms during training: ${times.length} requests, round trip median ` +
      `${percentile(times, 50).toFixed(1)} ms, 95th percentile ${percentile(times, 95).toFixed(1)} ms, ` +
      `max ${times[times.length - 1].toFixed(1)} ms (target: 95th percentile < 100 ms)`,
  );
  console.log(`machine: ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`);
} finally {
  host.kill('SIGTERM');
}
