/**
 * Routes validated server events to the stores that follow them (import progress, passes over
 * a large file for the subset, training, exports, and files the desktop app was asked to open).
 */
import type { Client } from './api/client.js';
import { useAppStore } from './stores/app.js';
import { useDataStore } from './stores/data.js';
import { useExportsStore } from './stores/exports.js';
import { useSubsetStore } from './stores/subset.js';
import { useTrainingStore } from './stores/training.js';

export function wireEvents(client: Client): () => void {
  const data = useDataStore();
  const training = useTrainingStore();
  const subset = useSubsetStore();
  const app = useAppStore();
  const exports = useExportsStore();
  return client.onEvent((e) => {
    if (e.type === 'app.openFile') app.onOpenFile(e);
    else if (e.type === 'import.progress') {
      if (e.phase === 'import') data.onProgress(e);
      else subset.onProgress(e);
    } else if (e.type === 'export.progress') exports.onProgress(e);
    else training.onEvent(e);
  });
}
