/**
 * The project's rules found in the data, for the Data step's panel: found once per dataset on
 * the rows in memory (every included column), with the keys the user turned off. Turning rules
 * off is a choice of the project (saved with it; models trained with other choices are marked out
 * of date). Training finds the rules again on its own training rows (`prepareTraining`).
 */
import type { RuleSet } from '../../shared/domain/rules.js';
import { detectRules, type Dataset } from '../data/index.js';
import type { Project } from './project/project.js';

const found = new WeakMap<Dataset, RuleSet>();

function rulesOf(dataset: Dataset): RuleSet {
  let set = found.get(dataset);
  if (!set) {
    set = detectRules(dataset, null);
    found.set(dataset, set);
  }
  return set;
}

export function listRules(project: Project, dataset: Dataset): RuleSet {
  return { ...rulesOf(dataset), off: [...project.rulesOff] };
}

export function chooseRules(project: Project, dataset: Dataset, off: string[], changed: () => void): RuleSet {
  const next = [...new Set(off)].sort();
  if (next.join('\u0000') !== [...project.rulesOff].sort().join('\u0000')) {
    project.rulesOff = next;
    project.touch();
    changed();
  }
  return listRules(project, dataset);
}
