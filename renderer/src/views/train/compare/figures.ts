/**
 * How the comparison writes a model's figures, in the UI's language: an estimate short enough
 * for a table cell with its exact/estimate label, the methods per layer, the sizes with the
 * top prior, each layer's bound, the training time and the quality score.
 */
import { useI18n } from 'vue-i18n';
import type { Estimate, LayerResult } from '../../../../../shared/domain/model.js';
import type { ProjectModel } from '../../../../../shared/domain/project.js';
import { estimateParts, fmtDuration } from '../../../format.js';

export function useCompareFormat() {
  const { t, locale } = useI18n();
  const lang = () => (locale.value === 'ja' ? 'ja' : 'en');

  /** "-12.345 exact" or "-12.345 ± 0.020 estimate"; "—" for none. */
  function estimate(e: Estimate | null): string {
    const p = estimateParts(e, lang());
    if (!p) return t('compare.none');
    if (p.exact) return `${p.nats} ${t('compare.exact')}`;
    return p.se === null ? `${p.nats} ${t('compare.estimate')}` : `${p.nats} ± ${p.se} ${t('compare.estimate')}`;
  }

  const methods = (m: ProjectModel) =>
    m.config.layers.map((l) => t(`compare.methodNames.${l.method}`)).join(lang() === 'ja' ? '、' : ', ');

  /** "40 bits → 16 → 8, top: RBM (16)". */
  function sizes(m: ProjectModel): string {
    const layers = t('compare.sizesOf', { bits: m.bits, units: m.config.layers.map((l) => l.units).join(' → ') });
    const prior = t(`compare.tops.${m.config.topPrior}`);
    const top =
      m.config.topPrior === 'rbm'
        ? t('compare.topHidden', { prior, n: m.config.topHidden })
        : t('compare.top', { prior });
    return `${layers}${lang() === 'ja' ? '、' : ', '}${top}`;
  }

  /**
   * The bound of the model up to each layer on validation rows (training rows when there were
   * none): the best log-likelihood the layers above could still reach, comparable with the
   * model's log-likelihood (METHOD.md §4.1). Files written before it was measured have only the
   * layer's own bound, which above the first layer is on the codes of the layer below: said so.
   */
  function bound(r: LayerResult): string {
    const own = { train: r.blmTrain, valid: r.blmValid };
    const b = r.modelBound ?? own;
    const rows = b.valid ? 'compare.boundRows' : 'compare.boundRowsTrain';
    const where = !r.modelBound && r.layer > 0 ? t('compare.boundCodes', { n: r.layer }) : t(rows);
    return t('compare.bound', { n: r.layer + 1, value: `${estimate(b.valid ?? b.train)} ${where}` });
  }

  function time(m: ProjectModel): string {
    const s = m.summary.seconds;
    if (s < 60) return t('train.seconds', { s: s.toFixed(1) });
    return fmtDuration(s, (n, u) => t(`train.dur${u.toUpperCase()}`, { n }));
  }

  const quality = (m: ProjectModel) =>
    m.quality
      ? `${t('compare.qualityOf', { score: Math.round(m.quality.score) })} ${t(`compare.qualityRows.${m.quality.of}`)}`
      : t('compare.none');

  return { estimate, methods, sizes, bound, time, quality };
}
