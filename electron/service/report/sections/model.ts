/** Architecture and configuration: the model's size, top prior, seed and every setting of every layer. */
import { facts, para, table } from '../html.js';
import type { ReportContext, Section } from '../input.js';

function render({ input, L }: ReportContext): string {
  const { config } = input;
  const top = `${config.topPrior}${config.topPrior === 'rbm' ? ` (${config.topHidden})` : ''}`;
  const general = facts([
    ...(input.modelName ? ([[L.modelName, input.modelName]] as [string, string][]) : []),
    [L.bits, input.bits],
    [L.top, top],
    [L.topHidden, config.topHidden],
    [L.topEpochs, config.topEpochs],
    [L.seed, config.seed],
    [L.validationFraction, config.validationFraction],
    [L.patience, config.patience],
    [L.fineTuneEpochs, config.fineTuneEpochs],
  ]);
  const layers = table(
    config.layers.map((l, i) => [
      i + 1,
      l.units,
      l.method,
      l.epochs,
      l.batchSize,
      l.learningRate,
      l.samples,
      l.inferenceWidth ?? L.inferenceAuto,
      l.criterion,
      l.cdK,
      l.persistent ? L.yes : L.no,
    ]),
    [
      L.layer,
      L.units,
      L.method,
      L.epochs,
      L.batchSize,
      L.learningRate,
      L.samples,
      L.inferenceWidth,
      L.criterion,
      L.cd,
      L.persistent,
    ],
  );
  return `${general}${layers}${para(L.choices, 'note')}`;
}

export const modelSection: Section = { id: 'model', heading: 'model', render };
