/**
 * The engine's thread. Fitting, sampling and model serialisation run here, through the
 * synthesizer, so the thread that serves the window and the IPC never blocks. Pause and
 * cancel arrive through a shared control word, read between mini-batches; everything else is
 * a validated message. Trained bundles stay here, by run id, for sampling and export.
 */
import { parentPort } from 'node:worker_threads';
import { AppError, toErrorPayload } from '../../../shared/domain/errors.js';
import { initBackend } from '../../engine/index.js';
import { bundleFromBytes, bundleToBytes, fitModel, sampleEncoded, type ModelBundle } from '../../synthesizer/index.js';
import { CONTROL, type FromWorker, ToWorker } from './protocol.js';

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

async function handle(message: ToWorker): Promise<void> {
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
      send({ type: 'trained', requestId: message.requestId, runId: message.runId, summary });
      return;
    }
    case 'sample': {
      const data = sampleEncoded(bundleOf(message.runId), message.rows, message.seed);
      send({ type: 'sampled', requestId: message.requestId, data });
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
