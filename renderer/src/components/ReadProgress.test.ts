/** The progress of a pass over a file: the percentage read (0 until the size is known) and the cancel button. */
import { describe, expect, it } from 'vitest';
import { mountWith } from '../test/fake.js';
import ReadProgress from './ReadProgress.vue';

const props = { text: 'Reading…', cancelLabel: 'Stop', cancelTestid: 'cancel-it' };

describe('ReadProgress', () => {
  it('shows the share of bytes read, rounded, and 0 % before the size is known', async () => {
    const w = mountWith(ReadProgress, { props: { ...props, progress: { bytesRead: 1, totalBytes: 3 } } });
    expect(w.text()).toContain('Reading…');
    expect(w.get('span.muted').text()).toBe('33 %');
    expect(w.get('progress').attributes('value')).toBe('33');
    // A progress bar (implicit role progressbar) named by what is being done.
    expect(w.get('progress').attributes('aria-label')).toBe('Reading…');
    expect(w.get('progress').attributes('aria-valuetext')).toBe('33 %');
    await w.setProps({ progress: { bytesRead: 10, totalBytes: 0 } });
    expect(w.get('span.muted').text()).toBe('0 %');
    await w.setProps({ progress: null });
    expect(w.get('span.muted').text()).toBe('0 %');
  });

  it('emits cancel from the button with the given test id and label', async () => {
    const w = mountWith(ReadProgress, { props: { ...props, progress: null } });
    const button = w.get('[data-testid="cancel-it"]');
    expect(button.text()).toBe('Stop');
    await button.trigger('click');
    expect(w.emitted('cancel')).toHaveLength(1);
  });
});
