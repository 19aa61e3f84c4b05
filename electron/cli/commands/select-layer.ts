/** `layerwise select-layer`: not implemented yet (its owner replaces this file). */
import { AppError } from '../../../shared/domain/errors.js';
import type { Command } from '../command.js';

export const selectLayerCommand: Command = {
  name: 'select-layer',
  summary: '(not yet available)',
  usage: 'layerwise select-layer',
  async run() {
    throw new AppError('unsupported', { what: 'layerwise select-layer' });
  },
};
