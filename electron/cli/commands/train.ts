/** `layerwise train`: not implemented yet (its owner replaces this file). */
import { AppError } from '../../../shared/domain/errors.js';
import type { Command } from '../command.js';

export const trainCommand: Command = {
  name: 'train',
  summary: '(not yet available)',
  usage: 'layerwise train',
  async run() {
    throw new AppError('unsupported', { what: 'layerwise train' });
  },
};
