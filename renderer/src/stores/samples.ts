/** The Samples step: generated rows next to real ones, and what to know about them (columns left out, an out-of-date model). */
import { defineStore } from 'pinia';
import type { RowTable } from '../../../shared/domain/data.js';
import type { GenerationNotes } from '../../../shared/domain/project.js';
import type { Condition, ConditionColumn, ConditionReport } from '../../../shared/domain/samples.js';
import { useClient } from '../api/index.js';
import { guarded } from './app.js';
import { dropArgument } from './privacy.js';

export const useSamplesStore = defineStore('samples', {
  state: () => ({
    count: 50,
    seed: 1,
    generated: null as RowTable | null,
    real: null as RowTable | null,
    notes: null as GenerationNotes | null,
    /** Rows dropped as too close to a real one (privacy panel), of `count`, at `threshold`. */
    dropped: null as { count: number; total: number; threshold: number } | null,
    busy: false,
    /** Only rows where these columns take these values (the export uses them too). */
    where: [] as Condition[],
    /** What the model said about `where` for the rows shown. */
    condition: null as ConditionReport | null,
    /** The columns that can be fixed, with their values. */
    columns: [] as ConditionColumn[],
  }),
  actions: {
    /** The columns that can be fixed; none when the model cannot say (the form then says so). */
    async loadColumns() {
      this.columns = await useClient()
        .api['samples.columns']({})
        .catch(() => []);
    },
    async generate() {
      this.busy = true;
      try {
        const where = this.where.map((c) => ({ ...c }));
        const drop = dropArgument();
        const input = { rows: this.count, seed: this.seed, where, ...drop };
        const r = await guarded(() => useClient().api['samples.generate'](input));
        if (r) {
          const threshold = drop.dropCloserThan;
          this.dropped = threshold === undefined ? null : { count: r.dropped, total: input.rows, threshold };
          this.generated = r.generated;
          this.real = r.real;
          this.notes = r.notes;
          this.condition = r.condition ?? null;
        }
      } finally {
        this.busy = false;
      }
    },
  },
});
