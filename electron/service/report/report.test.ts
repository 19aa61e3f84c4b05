/** The whole report: its sections in English and Japanese, the real file name as title, charts, escaping, no remote content. */
import { describe, expect, it } from 'vitest';
import { buildReport, SECTIONS, type Section } from './index.js';
import { gapSentence } from './sections/loglik.js';
import { CATALOGS } from './labels.js';
import { exact, reportInput } from './test-input.js';

describe('report', () => {
  it('is titled with the real file name and has every section, in English', () => {
    const html = buildReport(reportInput('en', 'sales 2026.csv'));
    expect(html).toContain('<title>Layerwise Studio report — sales 2026.csv</title>');
    expect(html).toContain('<html lang="en">');
    for (const h of ['Data', 'Subset and representativeness', 'Architecture and configuration', 'Bounds per layer'])
      expect(html).toContain(`<h2>${h}</h2>`);
    for (const h of ['Log-likelihood', 'Training curves', 'Models of the project', 'Coverage of the rest of the data'])
      expect(html).toContain(`<h2>${h}</h2>`);
    expect(html).toContain('<h2>Backend and versions</h2>');
    expect(html).not.toContain('b3f1c2d4');
  });

  it('is in Japanese when the UI is, every heading from the Japanese catalog', () => {
    const html = buildReport(reportInput('ja', '売上.csv'));
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<title>Layerwise Studio レポート — 売上.csv</title>');
    for (const s of SECTIONS) expect(html).toContain(`<h2>${CATALOGS.ja[s.heading]}</h2>`);
    expect(html).toContain('厳密');
    expect(html).toContain('第 1 層: エポックごとの基準');
    expect(html).not.toContain('Training curves');
  });

  it('draws its charts as inline SVG: bounds, representativeness, histograms, one curve per layer, the comparison', () => {
    const html = buildReport(reportInput('en'));
    // 2 histograms + representativeness + bounds + 2 curves + comparison.
    expect(html.match(/<svg /g)).toHaveLength(7);
    expect(html).toContain('Layer 2: criterion per epoch');
    expect(html).toContain('Model 1 (this report)');
    expect(html).toContain('87.5%');
  });

  it('states every setting: seed, top prior, each layer', () => {
    const input = reportInput('en');
    const html = buildReport({ ...input, config: { ...input.config, seed: 4242 } });
    expect(html).toContain('<th scope="row">Seed</th><td>4242</td>');
    expect(html).toContain('Learning rate');
    expect(html).toContain('Inference width');
  });

  it('charts the bound of the model so far when the file records it, else each layer’s own bound, saying which', () => {
    const input = reportInput('en');
    const own = buildReport(input);
    expect(own).toContain('<figcaption>BLM bound per layer');
    expect(own).toContain('does not record the bound of the model so far');
    const layers = input.summary.layers.map((l, i) => ({
      ...l,
      modelBound: { train: exact(-20 - i), valid: exact(-21 - i) },
    }));
    const html = buildReport({ ...input, summary: { ...input.summary, layers } });
    expect(html).toContain('<figcaption>Bound of the model so far, per layer');
    expect(html).toContain('<th scope="col">Model-so-far bound (validation)</th>');
    expect(html).toContain('<title>Layer 2 · Validation: -22.0</title>');
    expect(html).not.toContain('does not record the bound');
  });

  it('says the gap between training and test rows in words', () => {
    const L = CATALOGS.en;
    expect(gapSentence(exact(-10), exact(-11), L)).toContain('2.7 times less likely');
    expect(gapSentence(exact(-10), exact(-10.001), L)).toBe(L.gapSame);
    expect(gapSentence(exact(-10), null, L)).toBeNull();
    expect(buildReport(reportInput('ja'))).toContain('倍起こりにくい');
  });

  it('reports the rows outside the subset, or that there are none', () => {
    const input = reportInput('en');
    expect(buildReport(input)).toContain('<th scope="row">With values the model knows</th><td>35</td>');
    const none = { ...input, summary: { ...input.summary, outside: null }, subset: { ...input.subset!, outside: 0 } };
    expect(buildReport(none)).toContain('there are no rows outside it');
  });

  it('says in words that a subset of every row represents the data, instead of a chart of zeros', () => {
    const input = reportInput('en');
    const every = { ...input, subset: { ...input.subset!, outside: 0 } };
    const html = buildReport(every);
    expect(html).toContain('The subset is every row, so it represents the data exactly');
    expect(html).not.toContain('Distance of each column from the whole data');
    expect(html.match(/<svg /g)).toHaveLength(6);
    expect(buildReport(reportInput('en'))).toContain('Distance of each column from the whole data');
    // Every row in memory of a file larger than memory: a sample of the file, charted as before.
    const sampled = { ...every, dataset: { ...every.dataset!, sampledOnImport: true } };
    expect(buildReport(sampled)).toContain('Distance of each column from the whole data');
  });

  it('escapes a hostile file name, column name and model name, and nothing loads or runs', () => {
    const evil = '<script>alert(1)</script>.csv';
    const input = reportInput('en', evil);
    input.dataset!.columns[0]!.name = '<img src=x onerror=alert(2)>';
    input.models![1]!.name = '"><script>alert(3)</script>';
    const html = buildReport(input);
    for (const tag of ['<script', '<img', '<link', '<iframe', '<object', 'url('])
      expect(html.toLowerCase(), tag).not.toContain(tag);
    // Links only to the report's own sections.
    expect([...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].every((m) => m[1]!.startsWith('#'))).toBe(true);
    // The only URL is the SVG namespace, which loads nothing.
    expect(html.replaceAll('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:|file:|data:/);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;.csv');
    expect(html).toContain(`content="default-src &#39;none&#39;;`);
  });

  it('works from a model file alone: no data, no subset, no curves, one model', () => {
    const input = reportInput('en');
    const html = buildReport({ ...input, dataset: null, subset: null, points: [], models: [] });
    expect(html).toContain('The data was not loaded');
    expect(html).toContain('holds no per-epoch figures');
    expect(html).not.toContain('<h2>Subset and representativeness</h2>');
    expect(html).not.toContain('<h2>Models of the project</h2>');
  });

  it('takes a new section as one more entry of the list', () => {
    const extra: Section = { id: 'extra', heading: 'quality', render: () => '<p>extra body</p>' };
    const html = buildReport(reportInput('en'), [...SECTIONS, extra]);
    expect(html).toContain('<section id="extra"><h2>Quality score</h2>');
    expect(html).toContain('<a href="#extra">Quality score</a>');
  });
});
