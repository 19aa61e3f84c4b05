/**
 * The engine's thread. Fitting, sampling and model serialisation run here, through the
 * synthesizer, so the thread that serves the window and the IPC never blocks. Pause and
 * cancel arrive through a shared control word, read between mini-batches; everything else is
 * a validated message. Trained bundles stay here, by run id, for sampling and export; the
 * layer-by-layer stages (`staged-handlers.ts`) keep their stacks here too.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, toErrorPayload } from '../../../shared/domain/errors.js';
import { initBackend, measureSpeed } from '../../engine/index.js';
import {
  bundleFromBytes,
  bundleToBytes,
  fitModel,
  sampleEncoded,
  sampleEncodedGiven,
  type ModelBundle,
} from '../../synthesizer/index.js';
import { CONTROL, type FromWorker, ToWorker } from './protocol.js';
import { StagedHandlers } from './staged-handlers.js';

const port = parentPort;
if (!port) throw new Error('the engine worker must run in a worker thread');

const bundles = new Map<string, ModelBundle>();

function send(message: FromWorker): void {
  port?.postMessage(message);
}

function bundleOf(runId: string): ModelBundle {
  const bundle = bundles.get(runId);
  if (!bundle) throw new AppError('noModel');
  return bundle;
}

/**
 * Test only (`EngineClient`'s `testFault: 'poison'`): a run (a training or a layer-by-layer
 * stage) whose id starts with "poison" breaks this thread's engine for good, as a WebAssembly
 * memory fault does — every later run here fails the same way — so tests can prove that the
 * client replaces a broken engine.
 */
let poisoned = false;
const testFault: unknown = (workerData as Record<string, unknown> | null)?.testFault;

const staged = new StagedHandlers(bundles, send);

async function handle(message: ToWorker): Promise<void> {
  if ('set' in message) {
    if (testFault === 'poison' && message.runId.startsWith('poison')) poisoned = true;
    if (poisoned) throw new RangeError('memory access out of bounds');
  }
  switch (message.type) {
    case 'train': {
      const control = new Int32Array(message.control);
      const abort = new AbortController();
      const { bundle, summary } = await fitModel(message.set, message.config, message.appVersion, {
        onProgress: (progress) => send({ type: 'epoch', runId: message.runId, progress }),
        onLayer: (result) => send({ type: 'layer', runId: message.runId, result }),
        signal: abort.signal,
        isPaused: () => {
          const word = Atomics.load(control, 0);
          if (word === CONTROL.cancel && !abort.signal.aborted) abort.abort();
          return word === CONTROL.pause;
        },
      });
      bundles.set(message.runId, bundle);
      const { calibration } = bundle.manifest.dataEncoding;
      send({ type: 'trained', requestId: message.requestId, runId: message.runId, summary, calibration });
      return;
    }
    case 'sample': {
      const bundle = bundleOf(message.runId);
      const given = message.fixed?.length
        ? sampleEncodedGiven(bundle, message.rows, message.seed, message.fixed)
        : null;
      const data = given ? given.data : sampleEncoded(bundle, message.rows, message.seed);
      // Moved, not copied: a million rows are ~100 MB the service's thread would spend a
      // third of a second copying in, answering no request meanwhile.
      const moved = data.data.buffer instanceof ArrayBuffer ? [data.data.buffer] : [];
      const reply: FromWorker = { type: 'sampled', requestId: message.requestId, data, condition: given?.report };
      port?.postMessage(reply, moved);
      return;
    }
    case 'modelFile': {
      send({ type: 'modelFile', requestId: message.requestId, bytes: bundleToBytes(bundleOf(message.runId)) });
      return;
    }
    case 'load': {
      bundles.set(message.runId, bundleFromBytes(message.bytes));
      send({ type: 'loaded', requestId: message.requestId });
      return;
    }
    case 'measure': {
      send({ type: 'measured', requestId: message.requestId, ...(await measureSpeed(message.data, message.layer)) });
      return;
    }
    default:
      return staged.handle(message);
  }
}

port.on('message', (raw: unknown) => {
  const parsed = ToWorker.safeParse(raw);
  if (!parsed.success) {
    const requestId = typeof raw === 'object' && raw && 'requestId' in raw ? Number(raw.requestId) : -1;
    send({ type: 'failed', requestId, error: { code: 'invalidRequest', params: { message: parsed.error.message } } });
    return;
  }
  handle(parsed.data).catch((err: unknown) => {
    send({ type: 'failed', requestId: parsed.data.requestId, error: toErrorPayload(err) });
  });
});

try {
  send({ type: 'ready', backend: await initBackend() });
} catch (err) {
  send({ type: 'unavailable', error: toErrorPayload(err) });
}
