/**
 * The project: its overview (data source, choices, models marked out of date, the run, saved
 * or not), rebuilt from the service on start so a reload or a reconnect finds the project and
 * its running job; saving, opening a project or a model file, a new project (asking to save
 * unsaved work first), finding a reopened project's data, choosing a model, and the offer to
 * restore the last autosaved session. Every other store is reset when the project changes.
 */
import { defineStore } from 'pinia';
import type { FileRef, SaveResult, ServerEvent } from '../../../shared/contract.js';
import type { AutosaveEntry, ProjectOverview, ProjectState } from '../../../shared/domain/project.js';
import { useClient } from '../api/index.js';
import { guarded, useAppStore } from './app.js';
import { useDataStore } from './data.js';
import { useExportsStore } from './exports.js';
import { useSamplesStore } from './samples.js';
import { useSubsetStore } from './subset.js';
import { useTrainingStore } from './training.js';

export type SaveChoice = 'save' | 'discard' | 'cancel';
/** Why the user is asked to save first: another file (a new project), or another project. */
export type LeaveReason = 'newData' | 'open';

const DECLINED_KEY = 'layerwise-restore-declined';

function overviewOf(state: ProjectState): ProjectOverview {
  const { data: _data, run, ...rest } = state;
  return { ...rest, run: run && { runId: run.runId, state: run.state, stale: run.stale } };
}

export const useProjectStore = defineStore('project', {
  state: () => ({
    overview: null as ProjectOverview | null,
    /** The question "save the current project first?" while it waits for an answer. */
    prompt: null as { reason: LeaveReason; answer: (choice: SaveChoice) => void } | null,
    restoreOffer: null as AutosaveEntry | null,
    lastSave: null as SaveResult | null,
    saving: false,
  }),
  getters: {
    selectedModel: (s) => s.overview?.models.find((m) => m.id === s.overview?.selected) ?? null,
    dataMissing: (s) => s.overview?.dataMissing ?? null,
  },
  actions: {
    /** On start: the project the service holds (after a reload, the same one with its run), else the offer to restore. */
    async start() {
      const state = await guarded(() => useClient().api['project.state']({}));
      if (!state) return;
      this.apply(state);
      if (!state.source && state.models.length === 0) await this.offerRestore();
    },

    /** Makes `state` the project shown: every step rebuilt from it, nothing of another project kept. */
    apply(state: ProjectState) {
      useSamplesStore().$reset();
      useExportsStore().$reset();
      useSubsetStore().$reset();
      const training = useTrainingStore();
      training.$reset();
      const data = useDataStore();
      data.info = state.dataMissing ? null : state.data;
      data.source = state.importSource;
      useSubsetStore().info = state.dataMissing ? null : state.subset;
      this.overview = overviewOf(state);
      if (state.source || state.models.length > 0) this.restoreOffer = null;
      const model = state.models.find((m) => m.id === state.selected) ?? null;
      const live = state.run && (state.run.state === 'running' || state.run.state === 'paused');
      if (state.run && (live || !model)) training.follow(state.run);
      else if (model) training.showModel(model);
      training.hasModel = model !== null;
    },

    /** The service's project again; when it is another project (another file), every step starts anew. */
    async refresh() {
      // A read after an action that worked: when it fails, the next change or reload brings the project.
      const state = await useClient()
        .api['project.state']({})
        .catch(() => null);
      if (!state) return;
      if (this.overview && state.id !== this.overview.id) this.apply(state);
      else this.update(overviewOf(state));
    },

    /** After the event stream was lost: the project, and its run with the points missed meanwhile. */
    async resync() {
      const state = await useClient()
        .api['project.state']({})
        .catch(() => null);
      if (!state) return;
      if (this.overview && state.id !== this.overview.id) return this.apply(state);
      this.update(overviewOf(state));
      const training = useTrainingStore();
      if (state.run && state.run.runId === training.runId) training.follow(state.run);
    },

    /** A change of this project (models out of date, a model added, saved…). */
    onChanged(e: Extract<ServerEvent, { type: 'project.changed' }>) {
      if (this.overview && e.project.id === this.overview.id) this.update(e.project);
    },

    update(next: ProjectOverview) {
      const before = this.overview?.selected ?? null;
      this.overview = next;
      if (!next.dataMissing) useSubsetStore().info = next.subset;
      const training = useTrainingStore();
      training.hasModel = next.selected !== null;
      if (next.selected === before) return;
      // Another model shown: rows and exports of the one before are not its.
      useSamplesStore().$patch({ generated: null, real: null, notes: null });
      useExportsStore().$patch((s) => {
        s.results = {};
        s.notes = null;
      });
      const model = next.models.find((m) => m.id === next.selected);
      if (model && !training.running) training.showModel(model);
    },

    /** Asks to save unsaved work first; true when the user may go on (saved, or chose not to). */
    async confirmLeave(reason: LeaveReason): Promise<boolean> {
      if (!this.overview?.unsaved) return true;
      const choice = await new Promise<SaveChoice>((resolve) => (this.prompt = { reason, answer: resolve }));
      this.prompt = null;
      if (choice === 'cancel') return false;
      if (choice === 'discard') return true;
      return (await this.save(false))?.saved ?? false;
    },

    answer(choice: SaveChoice) {
      this.prompt?.answer(choice);
    },

    async save(as: boolean): Promise<SaveResult | undefined> {
      const client = useClient();
      this.saving = true;
      try {
        const reply = await guarded(() => client.api['project.save']({ as }));
        if (!reply) return undefined;
        this.lastSave = reply.result;
        this.update(reply.project);
        if (reply.result.downloadUrl) client.download(reply.result.downloadUrl, reply.result.fileName);
        return reply.result;
      } finally {
        this.saving = false;
      }
    },

    /** Opens a project or a model file the user picks (asking to save this one first). */
    async open() {
      if (!(await this.confirmLeave('open'))) return;
      const file = await guarded(() => useClient().pickProject());
      if (file) await this.openFile(file);
    },

    async openFile(file: FileRef) {
      const state = await guarded(() => useClient().api['project.open']({ fileId: file.fileId }));
      if (state) {
        this.apply(state);
        useAppStore().goto(state.dataMissing === 'modelOnly' ? 'samples' : 'data');
      }
    },

    async newProject() {
      if (!(await this.confirmLeave('open'))) return;
      const state = await guarded(() => useClient().api['project.new']({}));
      if (state) {
        this.apply(state);
        useAppStore().goto('data');
      }
    },

    /** The data of a reopened project, picked again (refused, saying why, when it is not the same file). */
    async locateData() {
      const file = await guarded(() => useClient().pickCsv());
      if (!file) return;
      const state = await guarded(() => useClient().api['project.locateData']({ fileId: file.fileId }));
      if (state) this.apply(state);
      else await this.refresh();
    },

    async selectModel(modelId: string) {
      const overview = await guarded(() => useClient().api['project.selectModel']({ modelId }));
      if (overview) this.update(overview);
    },

    /** A model file the desktop app was asked to open: opened as a project (asking to save this one first). */
    async onOpenFile(e: Extract<ServerEvent, { type: 'app.openFile' }>) {
      if (e.error || !e.file) return useAppStore().fail(e.error);
      if (await this.confirmLeave('open')) await this.openFile(e.file);
    },

    async offerRestore() {
      const list = (await guarded(() => useClient().api['project.autosaved']({}))) ?? [];
      // Offered while the page shows an empty project only (not after a project was opened meanwhile).
      if (this.overview?.source || this.overview?.models.length) return;
      const declined = sessionStorage.getItem(DECLINED_KEY);
      this.restoreOffer = list.find((e) => e.id !== declined && e.models > 0) ?? null;
    },

    async restore() {
      const offer = this.restoreOffer;
      this.restoreOffer = null;
      if (!offer) return;
      const state = await guarded(() => useClient().api['project.restore']({ id: offer.id }));
      if (state) this.apply(state);
    },

    async discardAutosave() {
      const offer = this.restoreOffer;
      this.restoreOffer = null;
      if (offer) await guarded(() => useClient().api['project.forgetAutosave']({ id: offer.id }));
    },

    later() {
      if (this.restoreOffer) sessionStorage.setItem(DECLINED_KEY, this.restoreOffer.id);
      this.restoreOffer = null;
    },
  },
});
