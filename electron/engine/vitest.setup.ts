/**
 * Setup of the `engine-wasm` and `engine-cpu` Vitest projects: before each engine test file,
 * the backend that project's `LAYERWISE_BACKEND` forces is initialised, so a test that uses tf
 * without calling `initBackend()` still runs on it (and a backend that cannot load fails the
 * file with the translated message).
 */
import { formatError } from '../../shared/i18n/format.js';
import { initBackend } from './backend.js';

try {
  await initBackend();
} catch (err) {
  throw new Error(formatError(err, 'en'), { cause: err });
}
