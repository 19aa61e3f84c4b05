/** Human progress lines on stderr for long CLI work (training epochs, layer results, imports). */
import type { EpochProgress, LayerResult } from '../../shared/domain/model.js';
import { formatEstimate } from '../../shared/i18n/estimate.js';
import { note } from './command.js';

export function printEpoch(p: EpochProgress): void {
  const stage =
    p.stage === 'layer' ? `layer ${p.layer + 1}/${p.layers}` : p.stage === 'top' ? 'top prior' : 'fine-tune';
  const valid = p.criterionValid === null ? '' : `  valid ${p.criterionValid.toFixed(4)}`;
  note(
    `${stage}  epoch ${p.epoch}/${p.epochs}  train ${p.criterionTrain.toFixed(4)}${valid}  ${Math.round(p.rowsPerSecond)} rows/s  ETA ${Math.round(p.etaSeconds)} s`,
  );
}

export function printLayer(r: LayerResult): void {
  note(
    `layer ${r.layer + 1} (${r.units} units, ${r.method}) done: BLM bound train ${formatEstimate(r.blmTrain)}, validation ${formatEstimate(r.blmValid)}`,
  );
}
