/**
 * Picks the tfjs backend the engine runs on: the native TensorFlow binding when the optional
 * `@tensorflow/tfjs-node` loads, else WebAssembly, else plain JavaScript. `LAYERWISE_BACKEND`
 * forces one. The choice is made once per thread and reported everywhere.
 */
import * as tf from '@tensorflow/tfjs';

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

async function pick(prefer?: BackendName): Promise<string> {
  const forced = (prefer ?? process.env.LAYERWISE_BACKEND) as BackendName | undefined;
  const order = forced && ORDER.includes(forced) ? [forced, ...ORDER.filter((b) => b !== forced)] : ORDER;
  for (const name of order) {
    try {
      await register(name);
      if (await tf.setBackend(name)) {
        await tf.ready();
        return name;
      }
    } catch {
      // Not available on this machine: try the next one.
    }
  }
  throw new Error('no tfjs backend could be initialised');
}

/** Initialises the best available backend (once) and returns its name. */
export function initBackend(prefer?: BackendName): Promise<string> {
  chosen ??= pick(prefer);
  return chosen;
}

/** The active backend's name ('wasm', 'cpu', 'tensorflow'). */
export function backendName(): string {
  return tf.getBackend();
}
