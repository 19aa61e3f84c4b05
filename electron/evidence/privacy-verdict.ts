/**
 * The privacy verdict: each check against the thresholds of PRIVACY_THRESHOLDS (stated with
 * the result, so the panel and the report can say what was used), and the overall level, the
 * worst of the checks. Checks that need held-out rows are left out when there are none.
 */
import {
  PRIVACY_THRESHOLDS as T,
  type PrivacyCheck,
  type PrivacyEvidence,
  type PrivacyLevel,
} from '../../shared/domain/privacy.js';

type Figures = Omit<PrivacyEvidence, 'verdict' | 'filter'>;

const ORDER: PrivacyLevel[] = ['good', 'caution', 'concern'];
const worst = (levels: PrivacyLevel[]): PrivacyLevel =>
  levels.reduce((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), 'good');

/** A figure that must stay at most `good` (caution up to `caution`, concern beyond). */
function atMost(value: number, good: number, caution: number): PrivacyLevel {
  return value <= good + 1e-12 ? 'good' : value <= caution + 1e-12 ? 'caution' : 'concern';
}

/** A generated 5th percentile against the held-out one: good when at least `factor` times it. */
function notCloser(id: 'dcr' | 'nndr', value: number, reference: number): PrivacyCheck {
  const factor = T[id].good;
  const level = value >= factor * reference - 1e-12 ? 'good' : 'caution';
  return { id, level, value, reference, good: factor, caution: null };
}

export function privacyChecks(f: Figures): PrivacyCheck[] {
  const checks: PrivacyCheck[] = [];
  const holdout = f.exactCopies.holdout;
  if (holdout) {
    const excess = f.exactCopies.synthetic.rate - holdout.rate;
    const { good, caution } = T.exactCopies;
    checks.push({
      id: 'exactCopies',
      level: atMost(excess, good, caution),
      value: f.exactCopies.synthetic.rate,
      reference: holdout.rate,
      good,
      caution,
    });
  }
  if (f.closerToTraining) {
    const { good, caution } = T.closerShare;
    const value = f.closerToTraining.share;
    checks.push({ id: 'closerShare', level: atMost(value, good, caution), value, reference: 0.5, good, caution });
  }
  if (f.dcr.holdout) checks.push(notCloser('dcr', f.dcr.synthetic.p5, f.dcr.holdout.p5));
  if (f.nndr.holdout) checks.push(notCloser('nndr', f.nndr.synthetic.p5, f.nndr.holdout.p5));
  const equal = f.replaced.identifiers.reduce((n, c) => n + c.equalToReal, 0);
  if (f.replaced.identifiers.length > 0)
    checks.push({
      id: 'identifiers',
      level: equal > 0 ? 'concern' : 'good',
      value: equal,
      reference: null,
      good: 0,
      caution: null,
    });
  return checks;
}

export function privacyVerdict(f: Figures): PrivacyEvidence['verdict'] {
  const checks = privacyChecks(f);
  return { level: worst(checks.map((c) => c.level)), checks };
}
