/**
 * The data of a reopened project, read again: the file must be the one the project was made
 * with (same size and SHA-256 as its fingerprint; a moved file is fine, another file or changed
 * contents are refused with a clear message), then the saved reading options, column choices
 * and subset are applied to it, so the project is as it was saved.
 */
import type { ColumnOverride, CsvOptionsOverride, DatasetInfo, SubsetSpec } from '../../../shared/domain/data.js';
import { AppError } from '../../../shared/domain/errors.js';
import type { DataSource, ImportSource } from '../../../shared/domain/project.js';
import { applyColumnOverrides, type Dataset, type Subset } from '../../data/index.js';
import { fingerprintFile, sameContents } from '../../platform/fingerprint.js';
import type { Project } from './project.js';

/** The service's passes over a file (with progress and cancel). */
export interface DataReader {
  import(path: string, name: string, options: CsvOptionsOverride | undefined): Promise<Dataset>;
  subset(dataset: Dataset, spec: SubsetSpec): Promise<Subset>;
}

export interface FoundFile {
  kind: DataSource['kind'];
  path: string;
  name: string;
  /** The path to remember (desktop), or null (an upload's copy). */
  keepPath: string | null;
  importSource: ImportSource;
}

/** Overrides that turn the columns as imported into the columns as saved (types first, then use). */
export function overridesFor(saved: DatasetInfo, imported: DatasetInfo): ColumnOverride[] {
  const out: ColumnOverride[] = [];
  for (const c of saved.columns) {
    const now = imported.columns[c.index];
    if (!now || now.name !== c.name) continue;
    const typeChanged = now.type !== c.type;
    if (!typeChanged && now.include === c.include) continue;
    out.push(
      typeChanged ? { index: c.index, type: c.type, include: c.include } : { index: c.index, include: c.include },
    );
  }
  return out;
}

/** Reads `file` as the project's data; throws `project.otherData` when it is not the same file. */
export async function reloadData(project: Project, file: FoundFile, read: DataReader): Promise<void> {
  const fingerprint = await fingerprintFile(file.path, file.name);
  const expected = project.source;
  if (expected && !sameContents(expected.fingerprint, fingerprint))
    throw new AppError('project.otherData', {
      name: file.name,
      expected: expected.name,
      expectedBytes: expected.fingerprint.bytes,
      bytes: fingerprint.bytes,
    });
  const saved = project.info;
  let dataset = await read.import(file.path, expected?.name ?? file.name, saved?.options);
  const overrides = saved ? overridesFor(saved, dataset.info) : [];
  if (overrides.length > 0) dataset = applyColumnOverrides(dataset, overrides);
  const spec = project.subsetInfo?.spec;
  const subset = spec ? await read.subset(dataset, spec) : null;
  const source: DataSource = { kind: file.kind, name: expected?.name ?? file.name, path: file.keepPath, fingerprint };
  project.attachData(dataset, source, file.importSource, subset);
}
