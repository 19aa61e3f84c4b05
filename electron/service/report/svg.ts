/**
 * A tiny chart renderer for the report: pure functions from figures to an inline SVG string
 * (no scripts, no remote content, system fonts), each chart in a `<figure>` with its caption,
 * an SVG `<title>` and a table of the same figures for readers that do not see the picture.
 * Every piece of text is escaped.
 */
import { esc, table, type Cell } from './html.js';

export interface Point {
  x: number;
  y: number;
}
export interface Series {
  name: string;
  points: Point[];
  dashed?: boolean;
}
export interface Bar {
  label: string;
  value: number;
  /** Bars of the same group share a colour (e.g. train / validation). */
  group?: string;
}
/** The words around a chart: its title, axis names, the heading of the data table. */
export interface ChartText {
  title: string;
  xLabel: string;
  yLabel: string;
  dataLabel: string;
}

const W = 640;
const H = 300;
const M = { left: 64, right: 16, top: 16, bottom: 56 };
const COLORS = ['#1f6fb2', '#d9730d', '#2e8540', '#8e44ad', '#c0392b', '#5d6d7e'];

/** A short, exact-enough text for a tick or a table cell. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  const digits = a >= 1000 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return v.toFixed(digits);
}

/** Tick labels with as many decimals as their step needs (0, 500, 1000; -18.2, -18.4). */
export function tickLabels(values: number[]): string[] {
  const step = values.length > 1 ? Math.abs(values[1]! - values[0]!) : 1;
  const digits = step > 0 ? Math.min(6, Math.max(0, -Math.floor(Math.log10(step) + 1e-9))) : 0;
  return values.map((v) => (Object.is(v, -0) ? 0 : v).toFixed(digits));
}

/** About `n` round tick values covering [lo, hi]. */
export function ticks(lo: number, hi: number, n = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

/** [lo, hi] around the values, with a margin, never empty. */
function span(values: number[], fromZero: boolean): [number, number] {
  const finite = values.filter(Number.isFinite);
  let lo = Math.min(...finite, fromZero ? 0 : Infinity);
  let hi = Math.max(...finite, fromZero ? 0 : -Infinity);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi === lo) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.08;
  if (!fromZero || lo < 0) lo -= pad;
  hi += pad;
  return [lo, hi];
}

const scale = (lo: number, hi: number, a: number, b: number) => (v: number) => a + ((v - lo) / (hi - lo)) * (b - a);

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${attrs ? ` ${attrs}` : ''}>${esc(s)}</text>`;
}

function yAxis(lo: number, hi: number, y: (v: number) => number, label: string): string {
  const values = ticks(lo, hi);
  const labels = tickLabels(values);
  const marks = values
    .map(
      (t, i) =>
        `<line x1="${M.left}" x2="${W - M.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#e3e8ee"/>` +
        text(M.left - 6, y(t) + 4, labels[i] ?? '', 'text-anchor="end"'),
    )
    .join('');
  const mid = (M.top + H - M.bottom) / 2;
  return `${marks}${text(14, mid, label, `text-anchor="middle" transform="rotate(-90 14 ${mid.toFixed(1)})"`)}`;
}

function frame(title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}" font-family="system-ui, sans-serif" font-size="11" fill="#1d2733">` +
    `<title>${esc(title)}</title>` +
    `<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${H - M.bottom}" stroke="#8a96a3"/>` +
    `<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#8a96a3"/>` +
    `${body}</svg>`
  );
}

export function figure(t: ChartText, svg: string, header: Cell[], rows: Cell[][], note?: string): string {
  const noteHtml = note ? `<p class="note">${esc(note)}</p>` : '';
  return (
    `<figure><figcaption>${esc(t.title)}</figcaption>${svg}${noteHtml}` +
    `<details class="chart-data"><summary>${esc(t.dataLabel)}</summary>${table(rows, header)}</details></figure>`
  );
}

function legend(names: { name: string; color: string; dashed?: boolean }[]): string {
  return names
    .map((s, i) => {
      const x = M.left + i * 150;
      const y = H - 12;
      const dash = s.dashed ? ' stroke-dasharray="5 3"' : '';
      return `<line x1="${x}" x2="${x + 22}" y1="${y - 4}" y2="${y - 4}" stroke="${s.color}" stroke-width="2.5"${dash}/>${text(x + 28, y, s.name)}`;
    })
    .join('');
}

/** Lines over a numeric x axis (e.g. a criterion per epoch), one per series; `integerX` keeps whole x ticks only (epochs). */
export function lineChart(t: ChartText, series: Series[], opts: { integerX?: boolean } = {}): string {
  const all = series.flatMap((s) => s.points);
  const [x0, x1] = span(
    all.map((p) => p.x),
    false,
  );
  const [y0, y1] = span(
    all.map((p) => p.y),
    false,
  );
  const x = scale(x0, x1, M.left, W - M.right);
  const y = scale(y0, y1, H - M.bottom, M.top);
  const colored = series.map((s, i) => ({ ...s, color: COLORS[i % COLORS.length] ?? '#000' }));
  const lines = colored
    .filter((s) => s.points.length > 0)
    .map((s) => {
      const d = s.points.map((p, i) => `${i ? 'L' : 'M'}${x(p.x).toFixed(1)} ${y(p.y).toFixed(1)}`).join(' ');
      const dash = s.dashed ? ' stroke-dasharray="5 3"' : '';
      const dot = s.points.length === 1 ? circle(x(s.points[0]!.x), y(s.points[0]!.y), s.color) : '';
      return `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>${dot}`;
    })
    .join('');
  const xValues = ticks(x0, x1).filter((v) => !opts.integerX || Number.isInteger(v));
  const xLabels = tickLabels(xValues);
  const xTicks = xValues
    .map((v, i) => text(x(v), H - M.bottom + 16, xLabels[i] ?? '', 'text-anchor="middle"'))
    .join('');
  const xName = text((M.left + W - M.right) / 2, H - M.bottom + 32, t.xLabel, 'text-anchor="middle"');
  const svg = frame(t.title, yAxis(y0, y1, y, t.yLabel) + xTicks + xName + lines + legend(colored));
  const xs = [...new Set(all.map((p) => p.x))].sort((a, b) => a - b);
  const rows = xs.map((v) => [
    opts.integerX && Number.isInteger(v) ? String(v) : fmt(v),
    ...series.map((s) => cellAt(s, v)),
  ]);
  return figure(t, svg, [t.xLabel, ...series.map((s) => s.name)], rows);
}

function circle(cx: number, cy: number, color: string): string {
  return `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="3" fill="${color}"/>`;
}

function cellAt(s: Series, x: number): string {
  const p = s.points.find((q) => q.x === x);
  return p ? fmt(p.y) : '—';
}

/**
 * Bars by label. `fromZero` (counts, a histogram) starts the axis at 0; otherwise (figures such
 * as log-likelihoods) the axis spans the values and bars rise from its bottom, so the taller
 * bar is the larger value; `note` then says the axis does not start at 0.
 */
export function barChart(t: ChartText, bars: Bar[], opts: { fromZero: boolean; note?: string }): string {
  const [lo, hi] = span(
    bars.map((b) => b.value),
    opts.fromZero,
  );
  const y = scale(lo, hi, H - M.bottom, M.top);
  const groups = [...new Set(bars.map((b) => b.group ?? ''))];
  const labels = [...new Set(bars.map((b) => b.label))];
  const slot = (W - M.left - M.right) / Math.max(1, labels.length);
  const bw = Math.max(2, (slot * 0.8) / groups.length);
  const base = opts.fromZero ? y(Math.max(lo, 0)) : H - M.bottom;
  const rects = bars
    .map((b) => {
      const gi = groups.indexOf(b.group ?? '');
      const bx = M.left + labels.indexOf(b.label) * slot + slot * 0.1 + gi * bw;
      const top = Math.min(base, y(b.value));
      const h = Math.abs(base - y(b.value));
      const color = COLORS[gi % COLORS.length] ?? '#000';
      return `<rect x="${bx.toFixed(1)}" y="${top.toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}" fill="${color}"><title>${esc(`${b.label}${b.group ? ` · ${b.group}` : ''}: ${fmt(b.value)}`)}</title></rect>`;
    })
    .join('');
  const names = labels
    .map((l, i) => text(M.left + (i + 0.5) * slot, H - M.bottom + 16, clip(l, slot), 'text-anchor="middle"'))
    .join('');
  const key =
    groups.length > 1 ? legend(groups.map((g, i) => ({ name: g, color: COLORS[i % COLORS.length] ?? '#000' }))) : '';
  const svg = frame(t.title, yAxis(lo, hi, y, t.yLabel) + rects + names + key);
  const header = groups.length > 1 ? [t.xLabel, ...groups] : [t.xLabel, t.yLabel];
  const rows = labels.map((l) => [l, ...groups.map((g) => barCell(bars, l, g))]);
  return figure(t, svg, header, rows, opts.fromZero ? undefined : opts.note);
}

function barCell(bars: Bar[], label: string, group: string): string {
  const b = bars.find((q) => q.label === label && (q.group ?? '') === group);
  return b ? fmt(b.value) : '—';
}

/** A label cut to about what fits in `width` pixels (the full label is in the data table). */
function clip(label: string, width: number): string {
  const max = Math.max(3, Math.floor(width / 7));
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/** A histogram: counts per bin, the axis from 0. */
export function histogram(t: ChartText, bins: { label: string; count: number }[]): string {
  return barChart(
    t,
    bins.map((b) => ({ label: b.label, value: b.count })),
    { fromZero: true },
  );
}
