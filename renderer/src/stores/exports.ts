/**
 * The Export step: generated rows as CSV (with progress and cancel), the model file, the report;
 * where each went, and what to know about the rows.
 */
import { defineStore } from 'pinia';
import type { SaveResult, ServerEvent } from '../../../shared/contract.js';
import type { GenerationNotes } from '../../../shared/domain/project.js';
import { useClient } from '../api/index.js';
import { guarded, useAppStore } from './app.js';
import { useCsvExportStore } from './csv-export.js';
import { dropArgument } from './privacy.js';
import { useSamplesStore } from './samples.js';
import { openReportTab, reportRequest } from '../views/export/report.js';

export type ExportKind = 'samples' | 'model' | 'report' | 'reportPdf';

export const useExportsStore = defineStore('exports', {
  state: () => ({
    rows: 1000,
    results: {} as Partial<Record<ExportKind, SaveResult>>,
    /** About the rows last exported: the columns left out, what changed since the model was trained. */
    notes: null as GenerationNotes | null,
    /** Rows the last export dropped as too close to a real one (privacy panel), of `total`, at `threshold`. */
    dropped: null as { count: number; total: number; threshold: number } | null,
    busy: null as ExportKind | null,
    /** How far the export of generated rows is, while it runs. */
    progress: null as Omit<Extract<ServerEvent, { type: 'export.progress' }>, 'type'> | null,
  }),
  actions: {
    async save(kind: ExportKind) {
      const client = useClient();
      this.busy = kind;
      try {
        const result = await guarded(async () => {
          if (kind === 'report' || kind === 'reportPdf')
            return client.api['export.report'](reportRequest(kind, useAppStore().info?.transport));
          if (kind === 'model') return client.api['export.model']({});
          const csv = useCsvExportStore();
          // One seed for preview and export: the file starts with the rows the Samples step shows.
          const samples = useSamplesStore();
          const where = samples.where.map((c) => ({ ...c }));
          const drop = dropArgument();
          const request = { rows: this.rows, seed: samples.seed, where, format: csv.format(), ...drop };
          const saved = await client.api['export.samples'](request).catch((err: unknown) => {
            csv.onResult(err);
            throw err;
          });
          csv.onResult(null);
          this.notes = saved.notes;
          const threshold = drop.dropCloserThan;
          this.dropped = threshold === undefined ? null : { count: saved.dropped, total: this.rows, threshold };
          return saved;
        });
        if (result) {
          this.results[kind] = result;
          if (result.downloadUrl && kind === 'reportPdf') openReportTab(result.downloadUrl);
          else if (result.downloadUrl) client.download(result.downloadUrl, result.fileName);
        }
      } finally {
        this.busy = null;
        this.progress = null;
      }
    },
    async cancel() {
      await guarded(() => useClient().api['export.cancel']({}));
    },
    onProgress(e: Extract<ServerEvent, { type: 'export.progress' }>) {
      if (this.busy === 'samples') this.progress = { phase: e.phase, rows: e.rows, totalRows: e.totalRows };
    },
  },
});
