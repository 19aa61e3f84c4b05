/** Routes validated server events to the stores that follow them (import progress, training). */
import type { Client } from './api/client.js';
import { useDataStore } from './stores/data.js';
import { useTrainingStore } from './stores/training.js';

export function wireEvents(client: Client): () => void {
  const data = useDataStore();
  const training = useTrainingStore();
  return client.onEvent((e) => {
    if (e.type === 'import.progress') data.onProgress(e);
    else training.onEvent(e);
  });
}
