/**
 * The limits of every training setting and of the train / validation / test split, stated
 * once: the contract's schemas are built from them, and a value outside them becomes an error
 * in the user's words that names the setting (in their language) and its limits. Sized for a
 * desktop: a configuration within them trains in the engine's memory unless the data is wide
 * (the engine then checks its memory estimate before it starts).
 */
import { z } from 'zod';
import { AppError } from './errors.js';

export interface Limit {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer: boolean;
  /** `min` itself is not allowed (the learning rate must be more than 0). */
  exclusiveMin?: boolean;
}

export const LIMITS = {
  layers: { min: 1, max: 8, integer: true },
  units: { min: 1, max: 1024, integer: true },
  epochs: { min: 1, max: 1000, integer: true },
  batchSize: { min: 1, max: 4096, integer: true },
  learningRate: { min: 0, max: 10, integer: false, exclusiveMin: true },
  samples: { min: 1, max: 256, integer: true },
  inferenceWidth: { min: 1, max: 4096, integer: true },
  cdK: { min: 1, max: 50, integer: true },
  topHidden: { min: 1, max: 1024, integer: true },
  topEpochs: { min: 0, max: 1000, integer: true },
  validationFraction: { min: 0, max: 0.5, integer: false },
  patience: { min: 0, max: 1000, integer: true },
  fineTuneEpochs: { min: 0, max: 1000, integer: true },
} as const satisfies Record<string, Limit>;
export type Setting = keyof typeof LIMITS;

/** Settings of one layer (the others are of the whole model). */
const LAYER_SETTINGS = new Set<string>([
  'units',
  'epochs',
  'batchSize',
  'learningRate',
  'samples',
  'inferenceWidth',
  'cdK',
]);

/** Fewest training rows a model is trained on. */
export const MIN_TRAIN_ROWS = 10;
/** Most rows generated in one go (the command line's --rows). */
export const MAX_GENERATED_ROWS = 10_000_000;

/** A number within a setting's limits (zod's numbers are finite). */
export function bounded(setting: Setting): z.ZodNumber {
  const limit: Limit = LIMITS[setting];
  let schema = z.number();
  if (limit.integer) schema = schema.int();
  schema = limit.exclusiveMin ? schema.gt(limit.min) : schema.min(limit.min);
  return schema.max(limit.max);
}

/** The translatable name of a setting (a term of `shared/i18n/errors/train.ts`), with its layer. */
export function settingName(setting: string, layer?: number): Record<string, string | number> {
  return layer === undefined ? { setting: `@setting.${setting}` } : { setting: `@setting.${setting}`, layer };
}

/** The error for a value of `setting` outside its limits. */
export function badSetting(setting: Setting, value: unknown, layer?: number): AppError {
  const limit: Limit = LIMITS[setting];
  const shown = typeof value === 'number' || typeof value === 'string' ? String(value) : JSON.stringify(value ?? null);
  const code = limit.exclusiveMin ? 'train.badSettingPositive' : limit.integer ? 'train.badSetting' : 'train.badValue';
  return new AppError(code, { ...settingName(setting, layer), min: limit.min, max: limit.max, value: shown });
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/**
 * The user's error for a schema issue at `path` inside a training configuration `config`, or
 * null when the issue is not about a bounded setting (a wrong type or an unknown method name,
 * which only a broken client sends).
 */
export function trainConfigError(path: readonly PropertyKey[], config: unknown): AppError | null {
  if (path.length === 1 && path[0] === 'layers') {
    const layers = at(config, path);
    return badSetting('layers', Array.isArray(layers) ? layers.length : layers);
  }
  const key = path[path.length - 1];
  if (typeof key !== 'string' || !(key in LIMITS) || key === 'layers') return null;
  const setting = key as Setting;
  if (LAYER_SETTINGS.has(setting)) {
    if (path.length !== 3 || path[0] !== 'layers' || typeof path[1] !== 'number') return null;
    return badSetting(setting, at(config, path), path[1] + 1);
  }
  return path.length === 1 ? badSetting(setting, at(config, path)) : null;
}

export interface SplitFractions {
  train: number;
  valid: number;
  test: number;
}

/** How far the shares may be from adding up to 1 (100 %), for rounding. */
const SPLIT_TOLERANCE = 0.001;

/**
 * Why a train / validation / test split cannot be used, or null: every share between 0 and 1,
 * the training share above 0, and the three adding up to 1 — never rescaled behind the user's back.
 */
export function splitError(split: SplitFractions): AppError | null {
  const { train, valid, test } = split;
  const percent = (x: number) => Math.round(x * 1000) / 10;
  const shares = [train, valid, test];
  const total = train + valid + test;
  if (
    shares.every((s) => Number.isFinite(s) && s >= 0 && s <= 1) &&
    train > 0 &&
    Math.abs(total - 1) <= SPLIT_TOLERANCE
  )
    return null;
  return new AppError('train.badSplit', {
    train: percent(train),
    valid: percent(valid),
    test: percent(test),
    total: percent(total),
  });
}
