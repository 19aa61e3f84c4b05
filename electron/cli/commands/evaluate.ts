/** `layerwise evaluate`: not implemented yet (its owner replaces this file). */
import { AppError } from '../../../shared/domain/errors.js';
import type { Command } from '../command.js';

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: '(not yet available)',
  usage: 'layerwise evaluate',
  async run() {
    throw new AppError('unsupported', { what: 'layerwise evaluate' });
  },
};
