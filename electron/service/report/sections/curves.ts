/** Training curves: the criterion per epoch on training and validation rows, one chart per layer (then top prior, fine-tuning). */
import type { ChartPoint } from '../../../../shared/domain/project.js';
import { para } from '../html.js';
import type { ReportContext, Section } from '../input.js';
import { fill, type Labels } from '../labels.js';
import { lineChart, type Series } from '../svg.js';

interface Curve {
  key: string;
  title: string;
  points: ChartPoint[];
}

/** The points grouped by stage and layer, in training order. */
export function curvesOf(points: readonly ChartPoint[], L: Labels): Curve[] {
  const out = new Map<string, Curve>();
  for (const p of points) {
    const key = `${p.stage}:${p.stage === 'layer' ? p.layer : ''}`;
    let curve = out.get(key);
    if (!curve) {
      const title =
        p.stage === 'layer' ? fill(L.curveTitle, { n: p.layer + 1 }) : p.stage === 'top' ? L.curveTop : L.curveFineTune;
      curve = { key, title, points: [] };
      out.set(key, curve);
    }
    curve.points.push(p);
  }
  return [...out.values()];
}

function chart(curve: Curve, L: Labels): string {
  const series: Series[] = [{ name: L.seriesTrain, points: curve.points.map((p) => ({ x: p.epoch, y: p.train })) }];
  const valid = curve.points.flatMap((p) => (p.valid === null ? [] : [{ x: p.epoch, y: p.valid }]));
  if (valid.length > 0) series.push({ name: L.seriesValid, points: valid, dashed: true });
  return lineChart({ title: curve.title, xLabel: L.epoch, yLabel: L.value, dataLabel: L.chartData }, series, {
    integerX: true,
  });
}

function render({ input, L }: ReportContext): string {
  const curves = curvesOf(input.points ?? [], L);
  if (curves.length === 0) return para(L.noCurves, 'note');
  return curves.map((c) => chart(c, L)).join('\n');
}

export const curvesSection: Section = { id: 'curves', heading: 'curves', render };
