/**
 * Routes validated server events to the stores that follow them (import progress, passes over
 * a large file for the subset, training and its stages layer by layer, exports, the project's changes, and files the desktop
 * app was asked to open, which open as the project).
 */
import type { Client } from './api/client.js';
import { useDataStore } from './stores/data.js';
import { useExportsStore } from './stores/exports.js';
import { usePrivacyStore } from './stores/privacy.js';
import { useProjectStore } from './stores/project.js';
import { useQualityStore } from './stores/quality.js';
import { useStagedStore } from './stores/staged.js';
import { useSubsetStore } from './stores/subset.js';
import { useTrainingStore } from './stores/training.js';

export function wireEvents(client: Client): () => void {
  const data = useDataStore();
  const training = useTrainingStore();
  const subset = useSubsetStore();
  const exports = useExportsStore();
  const project = useProjectStore();
  const staged = useStagedStore();
  // Events were missed while the stream was down: the project and its run, as they are now.
  const offReconnect = client.onReconnect(() => {
    void project.resync();
    void staged.load();
  });
  const offEvents = client.onEvent((e) => {
    if (e.type === 'app.openFile') void project.onOpenFile(e);
    else if (e.type === 'project.changed') project.onChanged(e);
    else if (e.type === 'import.progress') {
      if (e.phase === 'import') data.onProgress(e);
      else subset.onProgress(e);
    } else if (e.type === 'export.progress') exports.onProgress(e);
    else if (e.type === 'quality.progress') useQualityStore().onProgress(e);
    else if (e.type === 'privacy.progress') usePrivacyStore().onProgress(e);
    else {
      training.onEvent(e);
      staged.onEvent(e);
    }
  });
  return () => {
    offReconnect();
    offEvents();
  };
}
