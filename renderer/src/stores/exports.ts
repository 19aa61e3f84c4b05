/** The Export step: generated rows as CSV, the model file, the report; where each went. */
import { defineStore } from 'pinia';
import type { SaveResult } from '../../../shared/contract.js';
import { useClient } from '../api/index.js';
import { guarded } from './app.js';

export type ExportKind = 'samples' | 'model' | 'report';

export const useExportsStore = defineStore('exports', {
  state: () => ({
    rows: 1000,
    seed: 1,
    results: {} as Partial<Record<ExportKind, SaveResult>>,
    busy: null as ExportKind | null,
  }),
  actions: {
    async save(kind: ExportKind) {
      const client = useClient();
      this.busy = kind;
      try {
        const result = await guarded(() =>
          kind === 'samples'
            ? client.api['export.samples']({ rows: this.rows, seed: this.seed })
            : kind === 'model'
              ? client.api['export.model']({})
              : client.api['export.report']({}),
        );
        if (result) {
          this.results[kind] = result;
          if (result.downloadUrl) client.download(result.downloadUrl, result.fileName);
        }
      } finally {
        this.busy = null;
      }
    },
  },
});
