/**
 * The `digits8x8` dataset (METHOD.md §7): 1,797 handwritten digits of 8x8 pixels with values
 * 0-16 and a label, binarised to 64 Bernoulli bits by pixel >= 8 -> 1 (*choice* of
 * threshold: the middle of the range). The file `digits8x8.csv` sits beside this module; its
 * source and licence are in `README.md` here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/domain/errors.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import { bernoulliGroups } from '../../engine/index.js';

export const DIGITS_THRESHOLD = 8;

export function digitsPath(): string {
  return fileURLToPath(new URL('./digits8x8.csv', import.meta.url));
}

export function digits8x8(path: string = digitsPath()): { data: EncodedData; labels: Int32Array } {
  if (!existsSync(path)) throw new AppError('eval.datasetMissing', { path, file: basename(path) });
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = lines[0].split(',');
  const pixels = header.filter((h) => /^p\d+$/.test(h)).length;
  const labelAt = header.indexOf('label');
  if (pixels !== 64 || labelAt < 0)
    throw new AppError('eval.datasetBad', { path, reason: 'expected columns p0..p63 and label' });
  const rows = lines.length - 1;
  const data = new Uint8Array(rows * 64);
  const labels = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const cells = lines[r + 1].split(',').map(Number);
    for (let j = 0; j < 64; j++) {
      const v = cells[header.indexOf(`p${j}`)];
      if (!Number.isFinite(v))
        throw new AppError('eval.datasetBad', { path, reason: `row ${r + 2} has a non-numeric pixel` });
      data[r * 64 + j] = v >= DIGITS_THRESHOLD ? 1 : 0;
    }
    labels[r] = cells[labelAt];
  }
  return { data: { groups: bernoulliGroups(64), rows, bits: 64, data }, labels };
}
