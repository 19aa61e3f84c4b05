/** Closing the window with unsaved work asks first; only Save (when it saves) and Don't save let it close. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { closeDialog, guardClose, mayClose, type CloseChoice, type CloseGuard } from './close-guard.js';

function guard(
  name: string | null,
  choice: CloseChoice,
  saves = true,
): CloseGuard & { asked: string[]; saved: number } {
  const g = {
    asked: [] as string[],
    saved: 0,
    unsaved: () => name,
    ask: async (n: string) => {
      g.asked.push(n);
      return choice;
    },
    save: async () => {
      g.saved++;
      if (!saves) throw new Error('disk full');
      return true;
    },
  };
  return g;
}

class FakeWindow extends EventEmitter {
  closed = 0;
  tryClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.closed++;
    return !prevented;
  }
  close(): void {
    this.tryClose();
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('closing the desktop window', () => {
  it('closes at once without unsaved work', async () => {
    const g = guard(null, 'cancel');
    expect(await mayClose(g)).toBe(true);
    expect(g.asked).toEqual([]);
  });

  it('asks, and closes after saving or without saving, but not on cancel or a failed save', async () => {
    expect(await mayClose(guard('orders', 'save'))).toBe(true);
    expect(await mayClose(guard('orders', 'discard'))).toBe(true);
    expect(await mayClose(guard('orders', 'cancel'))).toBe(false);
    expect(await mayClose(guard('orders', 'save', false))).toBe(false);
  });

  it('holds the window open while asking and closes it once allowed', async () => {
    const win = new FakeWindow();
    const g = guard('orders', 'save');
    guardClose(win, g);
    expect(win.tryClose()).toBe(false);
    await settle();
    expect(g.asked).toEqual(['orders']);
    expect(g.saved).toBe(1);
    expect(win.closed).toBe(1);

    const kept = new FakeWindow();
    guardClose(kept, guard('orders', 'cancel'));
    expect(kept.tryClose()).toBe(false);
    await settle();
    expect(kept.closed).toBe(0);
  });

  it('speaks the app’s language', () => {
    expect(closeDialog('en-US', 'orders')).toEqual({
      message: 'Save the project before closing?',
      detail: '“orders” has work that is not saved. It is lost if you close without saving.',
      buttons: ['Save', 'Don’t save', 'Cancel'],
    });
    expect(closeDialog('ja', 'orders').buttons).toEqual(['保存', '保存しない', 'キャンセル']);
  });
});
