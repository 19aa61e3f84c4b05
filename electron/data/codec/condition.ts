/**
 * Conditional generation, the data side: "column = value" conditions turned into the slot each
 * fixed column's group must take (`FixedSlot`, what the engine conditions on, METHOD.md §4.5;
 * a level in the compact level code fixes its group's slot and its fine bits),
 * and the columns a user can fix with the values the model can generate for them. A value the
 * model cannot generate on its own (never seen, grouped as rare, kept with the less frequent
 * values behind "other") is refused with a message saying why.
 */
import type { ConditionColumn, Condition } from '../../../shared/domain/samples.js';
import { AppError } from '../../../shared/domain/errors.js';
import { DEFAULT_RARE_MIN } from './build.js';
import { valueFormatter } from './decode.js';
import { levelCode, levelLayout } from './level-code.js';
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

/**
 * The slots fixing `value` in column `c`, by group offset from the column's first group (none
 * when every generated row has the value already); throws when it cannot be fixed. A level in
 * a group of the compact level code fixes its group's slot and each of its fine bits.
 */
function columnSlots(c: ColumnEncoding, value: string, rareMin: number): FixedSlot[] {
  const values = slotValues(c);
  if (!values) throw new AppError('samples.notCategorical', { column: c.name });
  const index = values.indexOf(value);
  if (index >= 0) {
    if (c.kind === 'constant' || (groupSize(c) <= 1 && c.kind !== 'flag')) return [];
    if (c.kind !== 'levels') return [{ group: 0, slot: index }];
    const layout = levelLayout(c);
    const { slot, low } = levelCode(layout, index);
    const fixed = [{ group: 0, slot }];
    for (let b = 0; b < layout.fineBits; b++)
      fixed.push({ group: 1 + b, slot: (low >> (layout.fineBits - 1 - b)) & 1 });
    return fixed;
  }
  if (c.kind === 'levels' && c.otherLevels.includes(value))
    throw new AppError('samples.groupedValue', { column: c.name, value, values: list(values) });
  throw new AppError('samples.unknownValue', { column: c.name, value, values: list(values), k: rareMin });
}

/** The group slots `conditions` fix, in group order; a column fixed twice must be fixed to one value. */
export function conditionSlots(spec: EncodingSpec, conditions: readonly Condition[]): FixedSlot[] {
  const groupOf = new Map<string, number>();
  let g = 0;
  // A column's first group; a quantile code or a compact level code takes several (its slot, then its fine bits).
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
    const first = groupOf.get(column)!;
    for (const { group, slot } of columnSlots(c, value, spec.rareMin ?? DEFAULT_RARE_MIN))
      fixed.push({ group: first + group, slot });
  }
  return fixed.sort((a, b) => a.group - b.group);
}
