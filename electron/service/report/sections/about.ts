/** Backend and versions: the application and its version, the engine backend, when the model was trained and how long it took. */
import { facts } from '../html.js';
import type { ReportContext, Section } from '../input.js';

function render({ input, L }: ReportContext): string {
  return facts([
    [L.appName, input.app.name],
    [L.version, input.app.version],
    [L.backend, input.summary.backend],
    [L.modelCreated, input.createdAt ?? '—'],
    [L.trainSeconds, input.summary.seconds.toFixed(1)],
    [L.seed, input.config.seed],
  ]);
}

export const aboutSection: Section = { id: 'about', heading: 'about', render };
