/** The window: locale from the OS and the switch, step gating, the error banner, the status bar, the current step for assistive technology, the help panel. */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/domain/errors.js';
import App from './App.vue';
import { useAppStore } from './stores/app.js';
import { appInfo, datasetInfo } from './test/fixtures.js';
import { fakeBackend, mountWith, settle } from './test/fake.js';

afterEach(() => localStorage.clear());

async function mountApp(osLocale = 'en-US', importFails = false) {
  const backend = fakeBackend({
    'app.info': () => appInfo(osLocale),
    'data.import': () => {
      if (importFails) throw new AppError('data.binary');
      throw new AppError('data.empty');
    },
  });
  const w = mountWith(App, { attachTo: document.body });
  await useAppStore().init();
  await settle();
  return { backend, w };
}

describe('App', () => {
  it('switches the heading to Japanese and remembers the choice', async () => {
    const { w } = await mountApp();
    expect(w.get('[data-testid="page-title"]').text()).toBe('Load your data');
    expect(w.get('[data-testid="backend-name"]').text()).toBe('wasm');
    await w.get('[data-testid="locale-switch"]').setValue('ja');
    expect(w.get('[data-testid="page-title"]').text()).toBe('データを読み込む');
    expect(w.get('[data-testid="step-subset"]').text()).toContain('サブセット');
    expect(localStorage.getItem('layerwise-locale')).toBe('ja');
  });

  it('follows a Japanese OS locale when the user has not chosen', async () => {
    const { w } = await mountApp('ja-JP');
    expect(w.get('[data-testid="page-title"]').text()).toBe('データを読み込む');
  });

  it('keeps later steps disabled with a reason until their data exists', async () => {
    const { w } = await mountApp();
    const subset = w.get('[data-testid="step-subset"]');
    expect(subset.attributes('disabled')).toBeDefined();
    expect(subset.attributes('title')).not.toBe('');
    expect(w.get('[data-testid="next-step"]').attributes('disabled')).toBeDefined();
    expect(w.get('[data-testid="step-data"]').attributes('disabled')).toBeUndefined();
  });

  it('shows a translated, dismissible error banner without a stack trace', async () => {
    const { w } = await mountApp('en-US', true);
    await w.get('[data-testid="try-sample"]').trigger('click');
    await settle();
    const banner = w.get('[data-testid="error-banner"]');
    expect(banner.text()).toContain('does not look like a text (CSV) file');
    expect(banner.text()).not.toContain('at ');
    await w.get('[data-testid="locale-switch"]').setValue('ja');
    await banner.get('button').trigger('click');
    expect(w.find('[data-testid="error-banner"]').exists()).toBe(false);
  });

  it('marks the current step for assistive technology and names the steps', async () => {
    const { w } = await mountApp();
    expect(w.get('nav.steps').attributes('aria-label')).toBe('Steps');
    expect(w.get('[data-testid="step-data"]').attributes('aria-current')).toBe('step');
    expect(w.get('[data-testid="step-train"]').attributes('aria-current')).toBeUndefined();
  });

  it('opens the help panel from the header, moves focus into it, and gives it back on Escape', async () => {
    const { w } = await mountApp();
    expect(w.find('[data-testid="help-panel"]').exists()).toBe(false);
    const open = w.get('[data-testid="open-help"]');
    (open.element as HTMLButtonElement).focus();
    await open.trigger('click');
    await settle();
    const panel = w.get('[data-testid="help-panel"]');
    expect(panel.attributes('role')).toBe('dialog');
    expect(panel.text()).toContain('Start from a frequent, clean segment');
    expect(panel.text()).toContain('The BLM bound');
    expect(document.activeElement?.id).toBe('help-title');
    await panel.trigger('keydown', { key: 'Escape' });
    await settle();
    expect(w.find('[data-testid="help-panel"]').exists()).toBe(false);
    expect(document.activeElement).toBe(open.element);
  });

  it('tells the workflow in Japanese too', async () => {
    const { w } = await mountApp('ja-JP');
    await w.get('[data-testid="open-help"]').trigger('click');
    await settle();
    expect(w.get('[data-testid="help-panel"]').text()).toContain('頻度が高くきれいなセグメント');
    await w.get('[data-testid="close-help"]').trigger('click');
  });

  it('clears the error banner once a later action works', async () => {
    let fails = true;
    fakeBackend({
      'app.info': () => appInfo(),
      'data.import': () => {
        if (fails) throw new AppError('data.binary');
        return datasetInfo();
      },
    });
    const w = mountWith(App);
    await useAppStore().init();
    await w.get('[data-testid="try-sample"]').trigger('click');
    await settle();
    expect(w.find('[data-testid="error-banner"]').exists()).toBe(true);
    fails = false;
    await w.get('[data-testid="try-sample"]').trigger('click');
    await settle();
    expect(w.find('[data-testid="error-banner"]').exists()).toBe(false);
  });
});
