/**
 * Application state: what the Node side runs on, the current wizard step, the error banner,
 * and the model file the desktop app was asked to open (which this version cannot open yet).
 */
import { defineStore } from 'pinia';
import type { AppInfo, ServerEvent } from '../../../shared/contract.js';
import { useClient } from '../api/index.js';
import { errorText, localeFromOs, savedLocale, setLocale } from '../i18n/index.js';

export type Step = 'data' | 'subset' | 'train' | 'samples' | 'export';
export const STEPS: Step[] = ['data', 'subset', 'train', 'samples', 'export'];

export const useAppStore = defineStore('app', {
  state: () => ({
    info: null as AppInfo | null,
    step: 'data' as Step,
    error: null as string | null,
    /** The name of a model file the operating system asked the app to open. */
    openedModel: null as string | null,
  }),
  actions: {
    async init() {
      try {
        this.info = await useClient().api['app.info']({});
        setLocale(savedLocale() ?? localeFromOs(this.info.osLocale), false);
      } catch (err) {
        this.fail(err);
      }
    },
    fail(err: unknown) {
      this.error = errorText(err);
    },
    dismiss() {
      this.error = null;
    },
    onOpenFile(e: Extract<ServerEvent, { type: 'app.openFile' }>) {
      if (e.error) this.fail(e.error);
      else this.openedModel = e.name;
    },
    dismissOpenedModel() {
      this.openedModel = null;
    },
    goto(step: Step) {
      this.step = step;
    },
  },
});

/** Runs an action, showing any error in the banner instead of throwing. */
export async function guarded<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (err) {
    useAppStore().fail(err);
    return undefined;
  }
}
