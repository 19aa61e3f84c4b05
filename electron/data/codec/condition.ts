/**
 * Conditional generation, the data side: "column = value" conditions turned into the slot each
 * fixed column's group must take (`FixedSlot`, what the engine conditions on, METHOD.md §4.5),
 * and the columns a user can fix with the values the model can generate for them. A value the
 * model cannot generate on its own (never seen, grouped as rare, kept with the less frequent
 * values behind "other") is refused with a message saying why.
 */
import type { ConditionColumn, Condition } from '../../../shared/domain/samples.js';
import { AppError } from '../../../shared/domain/errors.js';
import { DEFAULT_RARE_MIN } from './build.js';
import { valueFormatter } from './decode.js';
import { columnGroups, groupSize, type ColumnEncoding, type EncodingSpec } from './spec.js';

/** A visible group fixed to one slot (for a Bernoulli bit: 1 on, 0 off). */
export interface FixedSlot {
  group: number;
  slot: number;
}

/** The values a column can be fixed to, slot by slot (null: the column cannot be fixed). */
function slotValues(c: ColumnEncoding): string[] | null {
  switch (c.kind) {
    case 'levels':
      return c.levels;
    case 'values':
      return c.values.map(valueFormatter(c.type, c.format));
    case 'flag':
      return [c.falseToken, c.trueToken];
    case 'constant':
      return [c.value];
    default:
      return null;
  }
}

/** The columns a user can fix (categories, yes/no, numbers with few values, constants) and their values. */
export function conditionColumns(spec: EncodingSpec, omit: readonly string[] = []): ConditionColumn[] {
  const out: ConditionColumn[] = [];
  for (const c of spec.columns) {
    const values = slotValues(c);
    if (values && !omit.includes(c.name)) out.push({ column: c.name, values: [...new Set(values)] });
  }
  return out;
}

const list = (values: readonly string[]): string =>
  values.length > 12 ? `${values.slice(0, 12).join(', ')}, …` : values.join(', ');

/** The slot of `value` in column `c`, or null when every generated row has it already; throws when it cannot be fixed. */
function slotOf(c: ColumnEncoding, value: string, rareMin: number): number | null {
  const values = slotValues(c);
  if (!values) throw new AppError('samples.notCategorical', { column: c.name });
  const slot = values.indexOf(value);
  if (slot >= 0) return c.kind === 'constant' || (groupSize(c) <= 1 && c.kind !== 'flag') ? null : slot;
  if (c.kind === 'levels' && c.otherLevels.includes(value))
    throw new AppError('samples.groupedValue', { column: c.name, value, values: list(values) });
  throw new AppError('samples.unknownValue', { column: c.name, value, values: list(values), k: rareMin });
}

/** The group slots `conditions` fix, in group order; a column fixed twice must be fixed to one value. */
export function conditionSlots(spec: EncodingSpec, conditions: readonly Condition[]): FixedSlot[] {
  const groupOf = new Map<string, number>();
  let g = 0;
  // A column's first visible group (a quantile-coded number has several: METHOD.md §8).
  for (const c of spec.columns) {
    groupOf.set(c.name, g);
    g += columnGroups(c).length;
  }
  const seen = new Map<string, string>();
  const fixed: FixedSlot[] = [];
  for (const { column, value } of conditions) {
    const c = spec.columns.find((col) => col.name === column);
    if (!c) throw new AppError('samples.unknownColumn', { column, values: list(spec.header) });
    const before = seen.get(column);
    if (before !== undefined && before !== value) throw new AppError('samples.conflict', { column });
    if (before !== undefined) continue;
    seen.set(column, value);
    const slot = slotOf(c, value, spec.rareMin ?? DEFAULT_RARE_MIN);
    if (slot !== null) fixed.push({ group: groupOf.get(column)!, slot });
  }
  return fixed.sort((a, b) => a.group - b.group);
}
