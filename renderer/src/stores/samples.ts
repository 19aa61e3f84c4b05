/** The Samples step: generated rows next to real ones. */
import { defineStore } from 'pinia';
import type { RowTable } from '../../../shared/domain/data.js';
import { useClient } from '../api/index.js';
import { guarded } from './app.js';

export const useSamplesStore = defineStore('samples', {
  state: () => ({
    count: 50,
    seed: 1,
    generated: null as RowTable | null,
    real: null as RowTable | null,
    busy: false,
  }),
  actions: {
    async generate() {
      this.busy = true;
      try {
        const r = await guarded(() => useClient().api['samples.generate']({ rows: this.count, seed: this.seed }));
        if (r) {
          this.generated = r.generated;
          this.real = r.real;
        }
      } finally {
        this.busy = false;
      }
    },
  },
});
