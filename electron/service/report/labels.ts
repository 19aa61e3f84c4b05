/** The report's catalogs by language, and how a label's `{placeholders}` are filled. */
import { en, type LabelKey } from './labels-en.js';
import { ja } from './labels-ja.js';

export type ReportLocale = 'en' | 'ja';
export type Labels = Record<LabelKey, string>;

export const CATALOGS: Record<ReportLocale, Labels> = { en, ja };

/** A label with each `{name}` replaced by its value (text, not yet escaped). */
export function fill(label: string, params: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
