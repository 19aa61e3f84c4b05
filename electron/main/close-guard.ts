/**
 * The desktop window asks before closing with unsaved work: when the project has models or a
 * run not saved, closing is held, a native dialog offers Save / Don't save / Cancel (in the
 * app's language), and the window closes after a successful save or "Don't save" only.
 */
import { ui as en } from '../../shared/i18n/ui/en.js';
import { ui as ja } from '../../shared/i18n/ui/ja.js';
import { interpolate } from '../../shared/i18n/format.js';

export type CloseChoice = 'save' | 'discard' | 'cancel';

export interface CloseGuard {
  /** The project's name when it has unsaved work, else null. */
  unsaved(): string | null;
  /** Asks the user (the native dialog). */
  ask(name: string): Promise<CloseChoice>;
  /** Saves the project; true when it was saved (not cancelled in the save dialog, no error). */
  save(): Promise<boolean>;
}

/** Whether the window may close now: after asking, and saving when the user chose to. */
export async function mayClose(guard: CloseGuard): Promise<boolean> {
  const name = guard.unsaved();
  if (name === null) return true;
  const choice = await guard.ask(name);
  if (choice === 'discard') return true;
  if (choice === 'cancel') return false;
  return guard.save().catch(() => false);
}

/** The dialog's text in the app's language; buttons in the order Save, Don't save, Cancel. */
export function closeDialog(locale: string, name: string): { message: string; detail: string; buttons: string[] } {
  const t = locale.toLowerCase().startsWith('ja') ? ja : en;
  return {
    message: t.project.close.title,
    detail: interpolate(t.project.close.text, { name }),
    buttons: [t.project.savePrompt.save, t.project.savePrompt.dontSave, t.project.savePrompt.cancel],
  };
}

export const CHOICES: CloseChoice[] = ['save', 'discard', 'cancel'];

/** A window that can be held open and closed again. */
interface ClosingWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
}

/** Holds the window's close while asking; closes it again once allowed. */
export function guardClose(win: ClosingWindow, guard: CloseGuard): void {
  let allowed = false;
  let asking = false;
  win.on('close', (event) => {
    if (allowed || guard.unsaved() === null) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    void mayClose(guard)
      .then((ok) => {
        if (!ok) return;
        allowed = true;
        win.close();
      })
      .finally(() => (asking = false));
  });
}
