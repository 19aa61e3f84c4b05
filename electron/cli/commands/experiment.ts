/** `layerwise experiment`: not implemented yet (its owner replaces this file). */
import { AppError } from '../../../shared/domain/errors.js';
import type { Command } from '../command.js';

export const experimentCommand: Command = {
  name: 'experiment',
  summary: '(not yet available)',
  usage: 'layerwise experiment',
  async run() {
    throw new AppError('unsupported', { what: 'layerwise experiment' });
  },
};
