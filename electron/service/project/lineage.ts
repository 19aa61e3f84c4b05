/**
 * Lineage and staleness: what a model (or a run) was trained on, compared with the project's
 * current choices — the file's bytes, the reading options, each column's use and type, the
 * subset — giving the list of what changed, empty when the model still matches. Also the
 * columns generated rows must leave out because the current choices leave them out.
 */
import type {
  ColumnChoice,
  Lineage,
  SourceFingerprint,
  StaleChange,
  Staleness,
} from '../../../shared/domain/project.js';
import type { CsvOptions, DatasetInfo, SubsetSpec } from '../../../shared/domain/data.js';

/** The project's choices now: where its data comes from, how it is read, its columns, the subset training would use. */
export interface CurrentChoices {
  source: { name: string; fingerprint: SourceFingerprint } | null;
  options: CsvOptions | null;
  columns: ColumnChoice[];
  /** The subset training would use; null when the project has no data (a model opened alone). */
  subset: { spec: SubsetSpec; rows: number | null } | null;
  /** Keys of the rules found in the data that the user turned off. */
  rulesOff?: string[];
}

export function columnChoices(info: DatasetInfo | null): ColumnChoice[] {
  return (info?.columns ?? []).map((c) => ({
    name: c.name,
    type: c.type,
    include: c.include,
    excludedReason: c.excludedReason,
  }));
}

/** Same values, whatever the order of an object's keys. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

function fileChange(lineage: Lineage, now: CurrentChoices): StaleChange | null {
  const was = lineage.provenance.fileName;
  if (!now.source) return null;
  const a = lineage.fingerprint;
  const b = now.source.fingerprint;
  const otherBytes = a !== null && (a.bytes !== b.bytes || a.scope !== b.scope || a.sha256 !== b.sha256);
  return otherBytes || was !== now.source.name ? { what: 'file', was, now: now.source.name } : null;
}

function optionsChange(lineage: Lineage, now: CurrentChoices): StaleChange | null {
  if (!now.options) return null;
  const was = lineage.provenance.options;
  const fields = (Object.keys(was) as (keyof CsvOptions)[]).filter((k) => !same(was[k], now.options![k]));
  return fields.length > 0 ? { what: 'options', fields } : null;
}

function columnsChange(lineage: Lineage, now: CurrentChoices): StaleChange | null {
  if (now.columns.length === 0) return null;
  const current = new Map(now.columns.map((c) => [c.name, c]));
  const columns: Extract<StaleChange, { what: 'columns' }>['columns'] = [];
  for (const was of lineage.provenance.columns) {
    const c = current.get(was.name);
    if (!c) continue;
    if (was.include && !c.include) columns.push({ name: was.name, change: 'leftOut', was: was.type, now: null });
    else if (!was.include && c.include) columns.push({ name: was.name, change: 'added', was: null, now: c.type });
    else if (was.include && was.type !== c.type)
      columns.push({ name: was.name, change: 'type', was: was.type, now: c.type });
  }
  return columns.length > 0 ? { what: 'columns', columns } : null;
}

function subsetChange(lineage: Lineage, now: CurrentChoices): StaleChange | null {
  const { subset, rows } = lineage.provenance;
  if (!now.subset) return null;
  return same(subset, now.subset.spec) ? null : { what: 'subset', wasRows: rows.subset, nowRows: now.subset.rows };
}

function rulesChange(lineage: Lineage, now: CurrentChoices): StaleChange | null {
  if (!lineage.rulesOff) return null;
  const was = [...lineage.rulesOff].sort();
  const off = [...(now.rulesOff ?? [])].sort();
  return same(was, off) ? null : { what: 'rules', was, now: off };
}

/** What changed upstream of a model trained with `lineage` (null: nothing, or the lineage is unknown). */
export function staleness(lineage: Lineage | null, now: CurrentChoices): Staleness {
  if (!lineage) return null;
  const changes = [fileChange, optionsChange, columnsChange, subsetChange, rulesChange]
    .map((check) => check(lineage, now))
    .filter((c): c is StaleChange => c !== null);
  return changes.length > 0 ? { changes } : null;
}

/**
 * The columns generated rows leave out: those the current choices leave out by the user's
 * choice, and those the model generates values for that the current choices no longer use.
 * `modelled` says whether the model generates a column's values (by name).
 */
export function omittedColumns(header: string[], modelled: (name: string) => boolean, now: ColumnChoice[]): string[] {
  const current = new Map(now.map((c) => [c.name, c]));
  return header.filter((name) => {
    const c = current.get(name);
    return c !== undefined && !c.include && (c.excludedReason === 'user' || modelled(name));
  });
}
