/** A model file the desktop app was asked to open: the window names it and says how to use it for now, or why it cannot be read. */
import { afterEach, describe, expect, it } from 'vitest';
import App from '../App.vue';
import { wireEvents } from '../events.js';
import { useAppStore } from '../stores/app.js';
import { appInfo } from '../test/fixtures.js';
import { fakeBackend, mountWith, settle } from '../test/fake.js';

afterEach(() => localStorage.clear());

async function mountApp() {
  const backend = fakeBackend({ 'app.info': () => ({ ...appInfo(), transport: 'electron' }) });
  const w = mountWith(App);
  wireEvents(backend.client);
  await useAppStore().init();
  await settle();
  return { backend, w };
}

const opened = (name: string, error: { code: string; params: Record<string, string> } | null = null) => ({
  type: 'app.openFile',
  kind: 'model',
  name,
  file: error ? null : { fileId: 'f-1', name, bytes: 2048 },
  error,
});

describe('an opened model file', () => {
  it('is named, with the command that generates rows from it, in the chosen language', async () => {
    const { backend, w } = await mountApp();
    expect(w.find('[data-testid="opened-model-notice"]').exists()).toBe(false);
    backend.emit(opened('orders.lwm'));
    await settle();
    const notice = w.get('[data-testid="opened-model-notice"]');
    expect(notice.text()).toContain('“orders.lwm” is a Layerwise model file');
    expect(notice.get('code').text()).toBe('layerwise sample "orders.lwm" --rows 1000 --out rows.csv');
    await w.get('[data-testid="locale-switch"]').setValue('ja');
    expect(w.get('[data-testid="opened-model-notice"]').text()).toContain(
      '「orders.lwm」は Layerwise のモデルファイルです',
    );
    await w.get('[data-testid="opened-model-notice"] button').trigger('click');
    expect(w.find('[data-testid="opened-model-notice"]').exists()).toBe(false);
    expect(w.find('[data-testid="error-banner"]').exists()).toBe(false);
  });

  it('that cannot be read shows the translated reason in the error banner', async () => {
    const { backend, w } = await mountApp();
    backend.emit(opened('gone.lwm', { code: 'readFailed', params: { path: 'gone.lwm', message: 'not found' } }));
    await settle();
    expect(w.get('[data-testid="error-banner"]').text()).toContain('Could not read gone.lwm');
    expect(w.find('[data-testid="opened-model-notice"]').exists()).toBe(false);
  });

  it('is an event the contract refuses when malformed', async () => {
    const { backend, w } = await mountApp();
    backend.emit({ ...opened('x.lwm'), kind: 'csv' });
    await settle();
    expect(w.find('[data-testid="opened-model-notice"]').exists()).toBe(false);
  });
});
