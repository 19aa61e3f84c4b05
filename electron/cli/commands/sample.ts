/** `layerwise sample`: not implemented yet (its owner replaces this file). */
import { AppError } from '../../../shared/domain/errors.js';
import type { Command } from '../command.js';

export const sampleCommand: Command = {
  name: 'sample',
  summary: '(not yet available)',
  usage: 'layerwise sample',
  async run() {
    throw new AppError('unsupported', { what: 'layerwise sample' });
  },
};
