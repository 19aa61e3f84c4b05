/**
 * The engine's thread. Training, sampling and model (de)serialisation run here so the
 * thread that serves the window and the IPC never blocks. Pause and cancel arrive through a
 * shared control word, read between mini-batches; everything else is a validated message.
 */
import { parentPort } from 'node:worker_threads';
import { AppError, toErrorPayload } from '../../../shared/domain/errors.js';
import type { DeepModelParams } from '../../engine/model/params.js';
import { initBackend } from '../../engine/backend.js';
import { train } from '../../engine/training/layerwise.js';
import { sampleVisible } from '../../engine/model/sample.js';
import { deserializeModel, serializeModel } from '../../engine/model/model-file.js';
import { CONTROL, type FromWorker, ToWorker } from './protocol.js';
import { groupBits } from '../../base/encoded-rows.js';

const port = parentPort;
if (!port) throw new Error('engine-worker must run in a worker thread');

const models = new Map<string, { model: DeepModelParams; bytes: Uint8Array }>();

function send(message: FromWorker): void {
  port?.postMessage(message);
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'train': {
      const control = new Int32Array(message.control);
      const abort = new AbortController();
      const { model, summary } = await train(message.train, message.config, {
        validation: message.valid ?? undefined,
        test: message.test ?? undefined,
        outside: message.outside ?? undefined,
        onProgress: (progress) => send({ type: 'epoch', runId: message.runId, progress }),
        onLayer: (result) => send({ type: 'layer', runId: message.runId, result }),
        signal: abort.signal,
        isPaused: () => {
          const word = Atomics.load(control, 0);
          if (word === CONTROL.cancel && !abort.signal.aborted) abort.abort();
          return word === CONTROL.pause;
        },
      });
      const bytes = serializeModel(model, {
        appVersion: message.appVersion,
        config: message.config,
        metrics: summary,
        dataEncoding: message.dataEncoding,
        dataProvenance: message.dataProvenance,
      });
      models.set(message.runId, { model, bytes });
      send({ type: 'trained', requestId: message.requestId, runId: message.runId, summary });
      return;
    }
    case 'sample': {
      const entry = models.get(message.runId);
      if (!entry) throw new AppError('noModel');
      const data = sampleVisible(entry.model, message.rows, message.seed);
      send({ type: 'sampled', requestId: message.requestId, data });
      return;
    }
    case 'modelFile': {
      const entry = models.get(message.runId);
      if (!entry) throw new AppError('noModel');
      send({ type: 'modelFile', requestId: message.requestId, bytes: entry.bytes });
      return;
    }
    case 'load': {
      const { model, manifest } = deserializeModel(message.bytes);
      models.set(message.runId, { model, bytes: message.bytes });
      send({
        type: 'loaded',
        requestId: message.requestId,
        config: manifest.config,
        summary: manifest.metrics,
        bits: groupBits(model.visible),
        dataEncoding: manifest.dataEncoding,
      });
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

const backend = await initBackend();
send({ type: 'ready', backend });
