/**
 * Application state: what the Node side runs on, the current wizard step and the error banner
 * (which a later success clears: it never describes an action that has since worked).
 */
import { defineStore } from 'pinia';
import type { AppInfo } from '../../../shared/contract.js';
import { useClient } from '../api/index.js';
import { errorText, localeFromOs, savedLocale, setLocale } from '../i18n/index.js';

export type Step = 'data' | 'subset' | 'train' | 'samples' | 'export';
export const STEPS: Step[] = ['data', 'subset', 'train', 'samples', 'export'];

export const useAppStore = defineStore('app', {
  state: () => ({
    info: null as AppInfo | null,
    step: 'data' as Step,
    error: null as string | null,
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
    goto(step: Step) {
      this.step = step;
    },
  },
});

/** Runs an action, showing any error in the banner instead of throwing; a success clears the banner. */
export async function guarded<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    const value = await action();
    useAppStore().dismiss();
    return value;
  } catch (err) {
    useAppStore().fail(err);
    return undefined;
  }
}
