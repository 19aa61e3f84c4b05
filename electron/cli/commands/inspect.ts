/** `layerwise inspect`: not implemented yet (its owner replaces this file). */
import { AppError } from '../../../shared/domain/errors.js';
import type { Command } from '../command.js';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: '(not yet available)',
  usage: 'layerwise inspect',
  async run() {
    throw new AppError('unsupported', { what: 'layerwise inspect' });
  },
};
