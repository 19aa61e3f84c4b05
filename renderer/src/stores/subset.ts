/** The Subset step: segment columns and their frequency table, coverage, sampling, split, result. */
import { defineStore } from 'pinia';
import type { SegmentTable, SubsetInfo, SubsetSpec } from '../../../shared/domain/data.js';
import { useClient } from '../api/index.js';
import { AppError } from '../../../shared/domain/errors.js';
import { guarded, useAppStore } from './app.js';

/** Calls to the service made by this store so far: the latest one owns the progress display. */
let calls = 0;

/** Indices of the most frequent segments whose shares reach `coverage` (0..1). */
export function coverageIndices(table: SegmentTable, coverage: number): number[] {
  const out: number[] = [];
  let acc = 0;
  for (let i = 0; i < table.segments.length; i++) {
    if (acc >= coverage - 1e-12 && out.length > 0) break;
    out.push(i);
    acc += table.segments[i].share;
  }
  return out;
}

export const useSubsetStore = defineStore('subset', {
  state: () => ({
    columns: [] as number[],
    table: null as SegmentTable | null,
    keep: [] as number[],
    coverage: 80,
    sampleRows: null as number | null,
    stratified: true,
    seed: 1,
    split: { train: 80, valid: 10, test: 10 },
    info: null as SubsetInfo | null,
    /** A pass over the whole file in progress (large files): counting segments or drawing the subset. */
    reading: null as 'count' | 'draw' | null,
    progress: null as { bytesRead: number; totalBytes: number; rows: number } | null,
  }),
  actions: {
    reset() {
      this.columns = [];
      this.table = null;
      this.keep = [];
      this.info = null;
    },
    async setColumns(columns: number[]) {
      this.columns = columns.slice(0, 3);
      this.table = null;
      this.keep = [];
      if (this.columns.length === 0) return;
      const asked = this.columns.join(',');
      const table = await this.reads('count', () => useClient().api['subset.segments']({ columns: this.columns }));
      // A newer choice of columns may have been made while the file was being counted.
      if (table && table.columns.join(',') === asked && this.columns.join(',') === asked) {
        this.table = table;
        this.applyCoverage();
      }
    },
    applyCoverage() {
      if (this.table) this.keep = coverageIndices(this.table, this.coverage / 100);
    },
    toggle(i: number) {
      this.keep = this.keep.includes(i) ? this.keep.filter((k) => k !== i) : [...this.keep, i].sort((a, b) => a - b);
    },
    spec(all = false): SubsetSpec {
      const t = this.table;
      return {
        segments:
          !all && t && this.keep.length > 0
            ? { columns: t.columns, keep: this.keep.map((i) => t.segments[i].key) }
            : null,
        sample: !all && this.sampleRows ? { rows: this.sampleRows, stratified: this.stratified } : null,
        seed: this.seed,
        split: { train: this.split.train / 100, valid: this.split.valid / 100, test: this.split.test / 100 },
      };
    },
    async apply(all = false) {
      const info = await this.reads('draw', () => useClient().api['subset.apply']({ spec: this.spec(all) }));
      if (info) this.info = info;
      return info;
    },
    /**
     * Calls the service, following its progress when it reads the whole file. Errors go to the
     * banner, except the cancel of a call that a newer one replaced (the service stops the older pass).
     */
    async reads<T>(phase: 'count' | 'draw', call: () => Promise<T>): Promise<T | undefined> {
      const ticket = ++calls;
      this.progress = null;
      this.reading = phase;
      try {
        return await call();
      } catch (err) {
        if (ticket === calls || !(err instanceof AppError && err.code === 'cancelled')) useAppStore().fail(err);
        return undefined;
      } finally {
        if (ticket === calls) {
          this.reading = null;
          this.progress = null;
        }
      }
    },
    onProgress(p: { phase: 'import' | 'count' | 'draw'; bytesRead: number; totalBytes: number; rows: number }) {
      if (p.phase !== 'import') this.progress = { bytesRead: p.bytesRead, totalBytes: p.totalBytes, rows: p.rows };
    },
    async cancel() {
      await guarded(() => useClient().api['data.cancelImport']({}));
    },
  },
});
