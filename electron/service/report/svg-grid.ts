/**
 * The report's small charts for the evidence sections, drawn by the same renderer as `svg.ts`
 * (inline SVG, no scripts, every text escaped, each in a `<figure>` with a data table): real
 * against generated shares of one column overlaid (a compact grid of them), and an association
 * matrix as a grid of coloured cells (a heatmap).
 */
import { esc } from './html.js';
import { figure, fmt, type ChartText } from './svg.js';

const REAL = '#1f6fb2';
const SYNTH = '#d9730d';

function clip(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

function svgOpen(w: number, h: number, title: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(title)}" font-family="system-ui, sans-serif" font-size="10" fill="#1d2733">` +
    `<title>${esc(title)}</title>`
  );
}

/** One column: shares per bin or level, real bars filled and generated bars outlined over them. */
export function overlaidBars(
  t: ChartText,
  labels: string[],
  real: number[],
  synthetic: number[],
  names: [string, string],
): string {
  const w = 240;
  const h = 140;
  const top = 8;
  const bottom = 28;
  const max = Math.max(1e-9, ...real, ...synthetic);
  const slot = (w - 8) / Math.max(1, labels.length);
  const y = (v: number) => h - bottom - (v / max) * (h - bottom - top);
  const bars = labels
    .map((l, i) => {
      const x = 4 + i * slot;
      const r = real[i] ?? 0;
      const s = synthetic[i] ?? 0;
      const tip = esc(`${l}: ${fmt(r)} / ${fmt(s)}`);
      return (
        `<rect x="${(x + 1).toFixed(1)}" y="${y(r).toFixed(1)}" width="${Math.max(1, slot - 2).toFixed(1)}" height="${(h - bottom - y(r)).toFixed(1)}" fill="${REAL}" fill-opacity="0.45"><title>${tip}</title></rect>` +
        `<rect x="${(x + 1).toFixed(1)}" y="${y(s).toFixed(1)}" width="${Math.max(1, slot - 2).toFixed(1)}" height="${(h - bottom - y(s)).toFixed(1)}" fill="none" stroke="${SYNTH}" stroke-width="1.5"/>`
      );
    })
    .join('');
  const axis = `<line x1="4" x2="${w - 4}" y1="${h - bottom}" y2="${h - bottom}" stroke="#8a96a3"/>`;
  const ends =
    labels.length > 0
      ? `<text x="4" y="${h - bottom + 12}">${esc(clip(labels[0]!, 14))}</text>` +
        `<text x="${w - 4}" y="${h - bottom + 12}" text-anchor="end">${esc(clip(labels[labels.length - 1]!, 14))}</text>`
      : '';
  const key =
    `<rect x="4" y="${h - 10}" width="10" height="8" fill="${REAL}" fill-opacity="0.45"/><text x="18" y="${h - 3}">${esc(clip(names[0], 16))}</text>` +
    `<rect x="${w / 2}" y="${h - 10}" width="10" height="8" fill="none" stroke="${SYNTH}"/><text x="${w / 2 + 14}" y="${h - 3}">${esc(clip(names[1], 16))}</text>`;
  const svg = `${svgOpen(w, h, t.title)}${axis}${bars}${ends}${key}</svg>`;
  const rows = labels.map((l, i) => [l, fmt(real[i] ?? 0), fmt(synthetic[i] ?? 0)]);
  return figure(t, svg, [t.xLabel, names[0], names[1]], rows);
}

/** A colour for a value in [-1, 1]: blue for positive, orange for negative, grey when missing. */
function shade(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '#f2f4f7';
  const a = Math.min(1, Math.abs(v));
  const [r, g, b] = v >= 0 ? [31, 111, 178] : [217, 115, 13];
  const mix = (c: number) => Math.round(255 - (255 - c) * a);
  return `rgb(${mix(r)},${mix(g)},${mix(b)})`;
}

/** A square matrix as coloured cells, the column names along both sides. */
export function heatmap(t: ChartText, columns: string[], values: (number | null)[][]): string {
  const n = columns.length;
  const cell = Math.max(10, Math.min(28, Math.floor(260 / Math.max(1, n))));
  const left = 90;
  const top = 8;
  const w = left + n * cell + 8;
  const h = top + n * cell + 90;
  const cells = values
    .flatMap((row, i) =>
      row.map((v, j) => {
        const tip = esc(`${columns[i] ?? ''} · ${columns[j] ?? ''}: ${v === null ? '—' : fmt(v)}`);
        return `<rect x="${left + j * cell}" y="${top + i * cell}" width="${cell - 1}" height="${cell - 1}" fill="${shade(v)}"><title>${tip}</title></rect>`;
      }),
    )
    .join('');
  const rowNames = columns
    .map(
      (c, i) =>
        `<text x="${left - 4}" y="${top + i * cell + cell / 2 + 3}" text-anchor="end">${esc(clip(c, 14))}</text>`,
    )
    .join('');
  const colNames = columns
    .map((c, j) => {
      const x = left + j * cell + cell / 2;
      const y = top + n * cell + 6;
      return `<text x="${x}" y="${y}" text-anchor="end" transform="rotate(-60 ${x} ${y})">${esc(clip(c, 14))}</text>`;
    })
    .join('');
  const svg = `${svgOpen(w, h, t.title)}${cells}${rowNames}${colNames}</svg>`;
  const rows = values.map((row, i) => [columns[i] ?? '', ...row.map((v) => (v === null ? '—' : fmt(v)))]);
  return figure(t, svg, [t.xLabel, ...columns], rows);
}
