/**
 * `select-layer` runs the engine's "Suggest a size" on an experiment dataset: candidates
 * ranked by their validation bound, the engine's recommendation, and the markdown table.
 */
import { describe, expect, it } from 'vitest';
import { initBackend } from '../engine/index.js';
import { selectLayer } from './select-layer.js';

describe('selectLayer', () => {
  it('ranks candidate first layers of deep-synthetic by their validation bound and recommends one', async () => {
    await initBackend();
    const notes: string[] = [];
    const report = await selectLayer({
      dataset: 'deep-synthetic',
      candidates: [
        { method: 'aeries', units: 4 },
        { method: 'aeries', units: 2 },
        { method: 'rbm', units: 4 },
      ],
      budget: { epochs: 2 },
      onNote: (t) => notes.push(t),
    });
    expect(report.candidates.map((c) => c.rank)).toEqual([1, 2, 3]);
    const bounds = report.candidates.map((c) => c.boundValid.value);
    expect([...bounds].sort((a, b) => b - a)).toEqual(bounds);
    expect(report.candidates.every((c) => c.boundValid.exact && c.test === null)).toBe(true);
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(/^aeries 2: bound validation/);
    expect(report.recommended).not.toBeNull();
    expect(report.markdown).toContain(
      `Recommended first layer: ${report.recommended!.method} ${report.recommended!.units}`,
    );
  });
});
