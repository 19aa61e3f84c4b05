/** The Samples step: generated rows next to real ones, and what to know about them (columns left out, an out-of-date model). */
import { defineStore } from 'pinia';
import type { RowTable } from '../../../shared/domain/data.js';
import type { GenerationNotes } from '../../../shared/domain/project.js';
import { useClient } from '../api/index.js';
import { guarded } from './app.js';

export const useSamplesStore = defineStore('samples', {
  state: () => ({
    count: 50,
    seed: 1,
    generated: null as RowTable | null,
    real: null as RowTable | null,
    notes: null as GenerationNotes | null,
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
          this.notes = r.notes;
        }
      } finally {
        this.busy = false;
      }
    },
  },
});
