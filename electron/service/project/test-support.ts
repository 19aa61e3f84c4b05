/** Helpers of the service and project tests: a service over a test's engine, a saver that keeps exports in memory, a small second CSV, and a tiny training run. */
import type { SaveResult, ServerEvent } from '../../../shared/contract.js';
import type { TrainConfig } from '../../../shared/domain/model.js';
import type { SaveRequest, Saver } from '../../platform/saver.js';
import { FileRegistry } from '../../platform/file-registry.js';
import { sourceSamplePath } from '../../platform/paths.js';
import type { EngineClient } from '../engine-thread/client.js';
import { LayerwiseService, type ServiceDeps } from '../service.js';

/** A service over `engine` (web transport, English OS) with its events, in-memory saver and file registry; `deps` replaces any dependency. */
export function testService(engine: EngineClient, deps: Partial<ServiceDeps> = {}) {
  const events: ServerEvent[] = [];
  const saver = new MemorySaver();
  const files = new FileRegistry();
  const svc = new LayerwiseService({
    transport: 'web',
    osLocale: 'en-US',
    samplePath: sourceSamplePath(),
    emit: (e) => events.push(e),
    files,
    saver,
    engine,
    ...deps,
  });
  return { svc, events, saver, files };
}

export class MemorySaver implements Saver {
  readonly saved: SaveRequest[] = [];
  async save(request: SaveRequest): Promise<SaveResult> {
    this.saved.push(request);
    return { saved: true, fileName: request.suggestedName, path: null, downloadUrl: `/download/${this.saved.length}` };
  }
}

/** A seeded penguins-like table of `n` rows (another file than the sample). */
export function penguinsCsv(n: number): string {
  const species = ['Adelie', 'Gentoo', 'Chinstrap'];
  const islands = ['Torgersen', 'Biscoe', 'Dream'];
  const lines = ['species,island,bill_length_mm,body_mass_g,sex'];
  for (let i = 0; i < n; i++) {
    const s = (i * 7) % 3;
    lines.push(
      `${species[s]},${islands[(i * 5) % 3]},${(35 + s * 5 + (i % 10) / 2).toFixed(1)},${3000 + s * 700 + (i % 13) * 50},${i % 2 ? 'male' : 'female'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Trains a one-layer model of 6 units for `epochs` epochs; waits until it is done unless told not to. */
export async function trainTiny(
  service: LayerwiseService,
  events: ServerEvent[],
  { wait = true, epochs = 1, seed = 1 }: { wait?: boolean; epochs?: number; seed?: number } = {},
): Promise<{ runId: string }> {
  const { config } = await service['train.defaults']();
  const tiny: TrainConfig = {
    ...config,
    layers: [{ ...config.layers[0], units: 6, epochs, batchSize: epochs > 1 ? 16 : 128 }],
    topPrior: 'bernoulli',
    patience: 0,
    seed,
  };
  const { runId } = await service['train.start']({ rareMin: 5, config: tiny });
  if (!wait) return { runId };
  const started = Date.now();
  for (;;) {
    const end = events.find((e) => e.type === 'train.state' && e.runId === runId && e.state !== 'running');
    if (end?.type === 'train.state') {
      if (end.state !== 'done') throw new Error(`training ended ${end.state}: ${JSON.stringify(end.error)}`);
      return { runId };
    }
    if (Date.now() - started > 120_000) throw new Error('training did not end');
    await new Promise((r) => setTimeout(r, 25));
  }
}
