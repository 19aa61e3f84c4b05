/** The quality panel of the Samples step: the check of the generated rows for a seed, its progress and cancel, its result. */
import { defineStore } from 'pinia';
import type { ServerEvent } from '../../../shared/contract.js';
import type { QualityEvidence } from '../../../shared/domain/quality.js';
import { useClient } from '../api/index.js';
import { guarded } from './app.js';

type Progress = Omit<Extract<ServerEvent, { type: 'quality.progress' }>, 'type'>;

export const useQualityStore = defineStore('quality', {
  state: () => ({
    result: null as QualityEvidence | null,
    /** The model the result is for (its id; null when unknown). */
    model: null as string | null,
    /** The column "train on synthetic, test on real" predicts; '' = the default. */
    target: '',
    busy: false,
    progress: null as Progress | null,
  }),
  actions: {
    async check(seed: number, model: string | null = null) {
      this.busy = true;
      this.progress = null;
      try {
        const r = await guarded(() =>
          useClient().api['evidence.quality']({ seed, target: this.target === '' ? null : this.target }),
        );
        if (r) {
          this.result = r;
          this.model = model;
        }
      } finally {
        this.busy = false;
        this.progress = null;
      }
    },
    async cancel() {
      await guarded(() => useClient().api['evidence.cancel']({}));
    },
    onProgress(e: Extract<ServerEvent, { type: 'quality.progress' }>) {
      if (this.busy) this.progress = { phase: e.phase, done: e.done, total: e.total };
    },
  },
});
