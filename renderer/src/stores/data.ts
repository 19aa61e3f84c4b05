/** The Data step: the imported dataset, import progress and cancel, reading options, column overrides. */
import { defineStore } from 'pinia';
import type { ImportSource } from '../../../shared/contract.js';
import type { ColumnOverride, CsvOptionsOverride, DatasetInfo } from '../../../shared/domain/data.js';
import { useClient } from '../api/index.js';
import { guarded } from './app.js';

export const useDataStore = defineStore('data', {
  state: () => ({
    info: null as DatasetInfo | null,
    source: null as ImportSource | null,
    importing: false,
    progress: null as { bytesRead: number; totalBytes: number; rows: number } | null,
  }),
  getters: {
    includedColumns: (s) => s.info?.columns.filter((c) => c.include) ?? [],
  },
  actions: {
    async load(source: ImportSource, options?: CsvOptionsOverride) {
      this.importing = true;
      this.progress = null;
      try {
        await guarded(async () => {
          this.info = await useClient().api['data.import']({ source, options });
          this.source = source;
        });
      } finally {
        this.importing = false;
      }
      return this.info;
    },
    async openSample() {
      return this.load({ kind: 'sample' });
    },
    async openFile() {
      const file = await guarded(() => useClient().pickCsv());
      if (file) return this.load({ kind: 'file', fileId: file.fileId });
      return null;
    },
    async reimport(options: CsvOptionsOverride) {
      if (this.source) await this.load(this.source, options);
    },
    async cancel() {
      await guarded(() => useClient().api['data.cancelImport']({}));
    },
    async updateColumns(columns: ColumnOverride[]) {
      const info = await guarded(() => useClient().api['data.updateColumns']({ columns }));
      if (info) this.info = info;
    },
    onProgress(p: { bytesRead: number; totalBytes: number; rows: number }) {
      this.progress = p;
    },
  },
});
