// Starts a TypeScript worker when running from source (tsx), as `node --import tsx` does for
// the main thread: worker threads do not inherit that loader for their entry module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__entry);
