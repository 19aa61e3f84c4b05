/** Formatting of the quality panel: scores as percentages, colours of heatmap cells with a readable text colour. */
import { fmt } from '../../format.js';

export const pct = (v: number | null, locale: string): string => (v === null ? '–' : `${fmt(v * 100, 1, locale)} %`);
/** A number with `digits` decimals; one that rounds to zero is written 0, never −0. */
export const num = (v: number | null, digits: number, locale: string): string =>
  v === null ? '–' : fmt(Math.abs(v) < 0.5 * 10 ** -digits ? 0 : v, digits, locale);

const BLUE = [31, 78, 153];
const RED = [178, 34, 34];

function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** A cell's background for a value in [−1, 1] (blue positive, red negative, stronger when larger) and the text colour that reads best on it. */
export function cellColours(v: number | null): { background: string; color: string } {
  if (v === null) return { background: '#f2f2f2', color: '#222' };
  const a = Math.min(1, Math.abs(v));
  const base = v >= 0 ? BLUE : RED;
  const rgb = base.map((c) => Math.round(255 + (c - 255) * a));
  const l = luminance(rgb);
  // The larger of the contrasts with black and with white (always at least 4.5:1).
  const color = (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000' : '#fff';
  return { background: `rgb(${rgb.join(', ')})`, color };
}
