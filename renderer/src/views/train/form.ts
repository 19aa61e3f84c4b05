/**
 * The Train step's form state shared by its panels: each field's problem (from `validate.ts`)
 * as a sentence in the user's language, whether anything blocks the Train button, and the
 * rows the run trains on and holds back (stated before training).
 */
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useTrainingStore } from '../../stores/training.js';
import { configErrors } from './validate.js';

export function useTrainForm() {
  const training = useTrainingStore();
  const { t } = useI18n();
  const errors = computed(() => (training.config ? configErrors(training.config) : {}));
  const invalid = computed(() => Object.keys(errors.value).length > 0);

  /** The problem of the field at `path`, named `field`, or null. */
  function message(path: string, field: string): string | null {
    const rule = errors.value[path];
    return rule ? t('form.mustBe', { field, rule: t(`form.rules.${rule.key}`, rule.params) }) : null;
  }

  return { errors, invalid, message };
}

/** Rows a run trains on and holds back: the subset's split, or a share of the training rows without one. */
export function heldBack(
  rows: { train: number; valid: number; test: number },
  validationFraction: number,
): { train: number; valid: number; test: number } {
  if (rows.valid > 0) return rows;
  // Without validation rows the engine holds this share of the training rows back (METHOD.md §3).
  const valid = Math.floor(rows.train * validationFraction);
  return valid >= 1 && valid < rows.train ? { train: rows.train - valid, valid, test: rows.test } : rows;
}
