/**
 * Which rows hold only values a model trained on some rows has seen: for every column used,
 * a category (or yes/no) that occurs in the training rows, a number inside the training rows'
 * range, a missing value only where training rows had missing values too. The rows outside a
 * subset that pass are the ones a model trained on the subset can fairly be judged on; the
 * others hold values it never saw (a region left out, a larger amount), which the encoding
 * could only force into "other" or an edge bin.
 */
import type { Dataset } from './dataset.js';

interface Known {
  column: number;
  missing: boolean;
  /** Level codes seen (level columns). */
  codes: Uint8Array | null;
  min: number;
  max: number;
}

function knownValues(ds: Dataset, train: Int32Array): Known[] {
  return ds.info.columns
    .filter((c) => c.include)
    .map((c) => {
      const typed = ds.typed[c.index];
      const known: Known = { column: c.index, missing: false, codes: null, min: Infinity, max: -Infinity };
      if (typed.kind === 'level') {
        known.codes = new Uint8Array(typed.levels.length);
        for (const r of train) {
          const code = typed.codes[r];
          if (code < 0) known.missing = true;
          else known.codes[code] = 1;
        }
      } else {
        for (const r of train) {
          const v = typed.values[r];
          if (Number.isNaN(v)) known.missing = true;
          else {
            if (v < known.min) known.min = v;
            if (v > known.max) known.max = v;
          }
        }
      }
      return known;
    });
}

/** The rows (of `rows`, in order) whose every used value occurs among, or lies in the range of, the `train` rows. */
export function knownRows(ds: Dataset, train: Int32Array, rows: Int32Array): Int32Array {
  const known = knownValues(ds, train);
  const out: number[] = [];
  for (const r of rows) {
    let ok = true;
    for (let k = 0; k < known.length && ok; k++) {
      const kn = known[k];
      const typed = ds.typed[kn.column];
      if (typed.kind === 'level') {
        const code = typed.codes[r];
        ok = code < 0 ? kn.missing : kn.codes![code] === 1;
      } else {
        const v = typed.values[r];
        ok = Number.isNaN(v) ? kn.missing : v >= kn.min && v <= kn.max;
      }
    }
    if (ok) out.push(r);
  }
  return Int32Array.from(out);
}
