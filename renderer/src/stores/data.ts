/**
 * The Data step: the imported dataset, import progress and cancel, reading options, column
 * overrides. Another file is a new project: the project store rebuilds every step after it.
 */
import { defineStore } from 'pinia';
import type { ImportSource } from '../../../shared/contract.js';
import type { ColumnOverride, CsvOptionsOverride, DatasetInfo } from '../../../shared/domain/data.js';
import { useClient } from '../api/index.js';
import { guarded } from './app.js';
import { useProjectStore } from './project.js';

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
    /** Reads data: opened by the user (`newProject`: a new project), or read again with other options. */
    async load(source: ImportSource, options?: CsvOptionsOverride, newProject = false) {
      this.importing = true;
      this.progress = null;
      let info: DatasetInfo | undefined;
      try {
        info = await guarded(() =>
          useClient().api['data.import'](newProject ? { source, options, newProject } : { source, options }),
        );
        if (info) {
          this.info = info;
          this.source = source;
          // The service's project now (a new one for another file: every step starts anew).
          await useProjectStore().refresh();
        }
      } finally {
        this.importing = false;
      }
      return info ? this.info : null;
    },
    async openSample() {
      return this.load({ kind: 'sample' }, undefined, true);
    },
    async openFile() {
      const file = await guarded(() => useClient().pickCsv());
      if (file) return this.load({ kind: 'file', fileId: file.fileId }, undefined, true);
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
      if (info) {
        this.info = info;
        await useProjectStore().refresh();
      }
    },
    onProgress(p: { bytesRead: number; totalBytes: number; rows: number }) {
      this.progress = p;
    },
  },
});
