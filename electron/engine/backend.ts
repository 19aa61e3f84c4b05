/**
 * Picks the tfjs backend the engine runs on: the native TensorFlow binding when the optional
 * `@tensorflow/tfjs-node` loads, else WebAssembly, else plain JavaScript. The environment
 * variable `LAYERWISE_BACKEND=tensorflow|wasm|cpu` forces one: if the forced backend does not
 * load, `initBackend()` fails with an `AppError` (`engine.backendUnavailable`) rather than
 * falling back, and an unknown name fails too (`engine.unknownBackend`). Unset or empty, the
 * best backend that loads is used. The engine's unit tests run once per backend this way
 * (projects `engine-wasm` and `engine-cpu` in vitest.config.ts). The choice is made once per
 * thread and reported everywhere.
 */
import * as tf from '@tensorflow/tfjs';
import { AppError } from '../../shared/domain/errors.js';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';
const ORDER: BackendName[] = ['tensorflow', 'wasm', 'cpu'];

let chosen: Promise<string> | null = null;

async function register(name: BackendName): Promise<void> {
  if (name === 'tensorflow') {
    // A variable specifier: the package is optional and usually absent at build time.
    const specifier = '@tensorflow/tfjs-node';
    await import(/* @vite-ignore */ specifier);
  } else if (name === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm');
  }
}

/** Registers and activates one backend; throws why it could not. */
async function activate(name: BackendName): Promise<void> {
  await register(name);
  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') returned false`);
  await tf.ready();
  if (tf.getBackend() !== name) throw new Error(`tf.getBackend() is '${tf.getBackend()}'`);
}

/** The backend forced by `LAYERWISE_BACKEND`, or undefined when it is unset or empty. */
export function forcedBackend(value: string | undefined): BackendName | undefined {
  const name = value?.trim().toLowerCase();
  if (!name) return undefined;
  if (!(ORDER as string[]).includes(name))
    throw new AppError('engine.unknownBackend', { name: value ?? '', choices: ORDER.join(', ') });
  return name as BackendName;
}

async function pick(force: BackendName | undefined): Promise<string> {
  if (force) {
    try {
      await activate(force);
      return force;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new AppError(
        'engine.backendUnavailable',
        { name: force, message, choices: ORDER.join(', ') },
        { cause: err },
      );
    }
  }
  for (const name of ORDER) {
    try {
      await activate(name);
      return name;
    } catch {
      // Not available on this machine: try the next one.
    }
  }
  throw new Error('no tfjs backend could be initialised');
}

/**
 * Initialises the backend (once per thread) and returns its name: `force`, else the one
 * `LAYERWISE_BACKEND` names, else the best that loads. A forced backend that does not load is
 * an `AppError`, never a silent fallback.
 */
export function initBackend(force?: BackendName): Promise<string> {
  chosen ??= (async () => pick(force ?? forcedBackend(process.env.LAYERWISE_BACKEND)))();
  return chosen;
}

/** The active backend's name ('wasm', 'cpu', 'tensorflow'). */
export function backendName(): string {
  return tf.getBackend();
}
