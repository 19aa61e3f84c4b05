/**
 * Settings the Train step's form refuses before anything is sent: each field is checked by
 * the contract's own `TrainConfig` schema, so its limits (and any added later) are the ones
 * the service applies, and each problem becomes a rule in the user's words ("at least 1"),
 * never a schema path. Input attributes (min, max, step) come from the same schema.
 */
import { LayerConfig, TrainConfig } from '../../../../shared/domain/model.js';

/** What a field must be: a key of `form.rules` and its parameters. */
export interface Rule {
  key: 'min' | 'above' | 'max' | 'below' | 'whole' | 'number';
  params: Record<string, number>;
}

/** The first problem of each field, by its path in the configuration ("layers.0.units", "topHidden"). */
export type FieldErrors = Record<string, Rule>;

/** A problem zod reports (the renderer uses the schemas of shared/, not zod itself). */
type Issue = NonNullable<ReturnType<typeof TrainConfig.safeParse>['error']>['issues'][number];

/** What the checks need of a field's schema. */
interface Checkable {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: Issue[] } };
}
interface NumberSchema {
  minValue: number | null;
  maxValue: number | null;
  isInt: boolean;
}

function ruleOf(issue: Issue): Rule {
  if (issue.code === 'too_small')
    return { key: issue.inclusive ? 'min' : 'above', params: { min: Number(issue.minimum) } };
  if (issue.code === 'too_big')
    return { key: issue.inclusive ? 'max' : 'below', params: { max: Number(issue.maximum) } };
  if (issue.code === 'invalid_type' && issue.expected === 'int') return { key: 'whole', params: {} };
  return { key: 'number', params: {} };
}

export function configErrors(config: unknown): FieldErrors {
  const parsed = TrainConfig.safeParse(config);
  const out: FieldErrors = {};
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in out)) out[path] = ruleOf(issue);
  }
  return out;
}

/** The problem of one value for one number field, or null. */
export function fieldError(schema: Checkable, value: unknown): Rule | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : ruleOf(parsed.error.issues[0]);
}

/** The `min`, `max` and `step` of a number input, from its field's schema. */
export function limitsOf(schema: NumberSchema | { unwrap(): NumberSchema }): {
  min?: number;
  max?: number;
  step: number | 'any';
} {
  const n = 'unwrap' in schema ? schema.unwrap() : schema;
  // A whole number's own range (safe integers) is no limit worth showing.
  const finite = (v: number | null) => (v !== null && Math.abs(v) < Number.MAX_SAFE_INTEGER ? v : undefined);
  return { min: finite(n.minValue), max: finite(n.maxValue), step: n.isInt ? 1 : 'any' };
}

export const LAYER_FIELDS = LayerConfig.shape;
export const RUN_FIELDS = TrainConfig.shape;
