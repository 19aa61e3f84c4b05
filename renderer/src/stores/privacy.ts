/**
 * The privacy panel of the Samples step: the evidence for the selected model's rows (first
 * `rows` rows for the Samples step's seed), its progress and cancel, and whether generated
 * rows too close to a real one are dropped from the preview and the export (the threshold is
 * the evidence's; never applied without the user turning it on).
 */
import { defineStore } from 'pinia';
import type { ServerEvent } from '../../../shared/contract.js';
import type { PrivacyEvidence } from '../../../shared/domain/privacy.js';
import { useClient } from '../api/index.js';
import { guarded } from './app.js';
import { useProjectStore } from './project.js';

/** The selected model's id (the evidence is of one model). */
const selectedId = () => useProjectStore().selectedModel?.id ?? null;

export const usePrivacyStore = defineStore('privacy', {
  state: () => ({
    rows: 2000,
    /** The seed and the model the evidence was computed for. */
    seed: null as number | null,
    modelId: null as string | null,
    evidence: null as PrivacyEvidence | null,
    busy: false,
    /** Share of the comparisons done, while it runs. */
    progress: null as number | null,
    drop: false,
  }),
  getters: {
    /** The evidence, if it is of the model selected now. */
    current(state): PrivacyEvidence | null {
      return state.evidence && state.modelId === selectedId() ? state.evidence : null;
    },
    /** The distance at or below which generated rows are dropped; null when they are all kept. */
    dropThreshold(): number | null {
      return this.drop && this.current ? this.current.filter.threshold : null;
    },
  },
  actions: {
    async check(seed: number) {
      this.busy = true;
      this.progress = 0;
      const modelId = selectedId();
      try {
        const evidence = await guarded(() => useClient().api['evidence.privacy']({ rows: this.rows, seed }));
        if (evidence) {
          this.evidence = evidence;
          this.seed = seed;
          this.modelId = modelId;
        }
      } finally {
        this.busy = false;
        this.progress = null;
      }
    },
    async cancel() {
      await guarded(() => useClient().api['evidence.cancelPrivacy']({}));
    },
    onProgress(e: Extract<ServerEvent, { type: 'privacy.progress' }>) {
      if (this.busy) this.progress = e.total > 0 ? e.done / e.total : 0;
    },
  },
});

/** The `dropCloserThan` argument of a preview or an export: only when dropping is on. */
export function dropArgument(): { dropCloserThan?: number } {
  const threshold = usePrivacyStore().dropThreshold;
  return threshold === null ? {} : { dropCloserThan: threshold };
}
