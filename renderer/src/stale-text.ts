/**
 * What changed since a model was trained, in the user's words: one phrase per change ("left
 * out customer_age", "changed the subset (8,000 rows → 1,200 rows)"), joined as a sentence.
 */
import type { StaleChange } from '../../shared/domain/project.js';

type Translate = (key: string, params?: Record<string, unknown>) => string;

function phrases(change: StaleChange, t: Translate, locale: string): string[] {
  const n = (v: number) => v.toLocaleString(locale);
  switch (change.what) {
    case 'file':
      return [t('project.stale.file', { was: change.was, now: change.now ?? change.was })];
    case 'options':
      return [t('project.stale.options', { fields: change.fields.join(', ') })];
    case 'columns':
      return change.columns.map((c) =>
        c.change === 'type'
          ? t('project.stale.type', { name: c.name, was: c.was, now: c.now })
          : t(`project.stale.${c.change}`, { name: c.name }),
      );
    case 'rules':
      return [t('rules.stale')];
    case 'subset':
      return [
        change.nowRows === null
          ? t('project.stale.subsetPending', { was: n(change.wasRows) })
          : t('project.stale.subset', { was: n(change.wasRows), now: n(change.nowRows) }),
      ];
  }
}

/** The changes as one phrase: "a, b and c". */
export function changesText(changes: StaleChange[], t: Translate, locale: string): string {
  const all = changes.flatMap((c) => phrases(c, t, locale));
  if (all.length <= 1) return all.join('');
  return `${all.slice(0, -1).join(t('project.stale.comma'))}${t('project.stale.and')}${all.at(-1)}`;
}
