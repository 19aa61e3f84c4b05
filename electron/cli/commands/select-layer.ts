/**
 * `layerwise select-layer <dataset>`: trains candidate first layers and ranks them by their
 * BLM bound on validation rows, without training the layers above; `--verify` trains the
 * full models and prints the Spearman correlation between the bound and the test
 * log-likelihood.
 */
import { AppError } from '../../../shared/domain/errors.js';
import { initBackend } from '../../engine/index.js';
import { selectLayer } from '../../lab/index.js';
import { intOption, note, parse, printJson, type Command } from '../command.js';

const options = {
  verify: { type: 'boolean' },
  seed: { type: 'string' },
  epochs: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const selectLayerCommand: Command = {
  name: 'select-layer',
  summary: 'rank candidate first layers by their validation BLM bound (--verify: against full models)',
  usage: `Usage: layerwise select-layer <deep-synthetic|digits8x8|csv> [--verify] [--epochs N] [--seed N] [--json]

Trains 7 candidate first layers (aeries 8, 6, 4, 2 units; ae 6; rbm 8, 4) and ranks them by
their BLM bound on validation rows (exact EM), without training the layers above (the app's
"Suggest a size"), and recommends the smallest within tolerance of the best.
--verify also trains each full model (candidate + aeries layer of min(8, k1) units + table prior)
and prints the Spearman correlation between the bound and the test log-likelihood.`,
  async run(argv) {
    const { values, positionals } = parse(argv, options);
    const [dataset] = positionals;
    if (!dataset) throw new AppError('cli.missingArgument', { what: 'the dataset', command: 'select-layer' });
    await initBackend();
    const budget = values.epochs !== undefined ? { epochs: intOption(values.epochs, 'epochs', 30) } : {};
    const report = await selectLayer({
      dataset,
      verify: values.verify ?? false,
      seed: intOption(values.seed, 'seed', 1),
      budget,
      onNote: note,
    });
    if (values.json) {
      note(report.markdown);
      printJson({
        dataset: report.dataset,
        candidates: report.candidates,
        recommended: report.recommended,
        spearman: report.spearman,
      });
    } else process.stdout.write(`${report.markdown}\n`);
    return 0;
  },
};
