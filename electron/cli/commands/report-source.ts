/**
 * What `layerwise report` reports on: a project file (its selected model and every other one)
 * or a model file alone, read without loading any weights; with `--data`, the data read again
 * as the app reads it: a project's file must be the one it was made with (same fingerprint),
 * a model file's data is read with the options, column choices and subset its provenance records.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CsvOptionsOverride } from '../../../shared/domain/data.js';
import { AppError } from '../../../shared/domain/errors.js';
import { applyColumnOverrides, chooseSubset, importCsv, type Dataset } from '../../data/index.js';
import { memoryBudgetFromEnv } from '../../platform/paths.js';
import { reloadData } from '../../service/project/data-reload.js';
import { isProjectFile, projectFromBytes } from '../../service/project/project-file.js';
import { projectFromContent, projectFromModelFile } from '../../service/project/project-io.js';
import type { ModelEntry, Project } from '../../service/project/project.js';

const MODEL_MAGIC = 'LWMODEL\0';
/** The report needs the figures a file records, not its weights. */
const noLoad = async (): Promise<void> => undefined;

async function bytesOf(path: string): Promise<Uint8Array> {
  const info = await stat(path).catch(() => null);
  if (info && !info.isFile()) throw new AppError('model.notAFile', { path });
  try {
    const b = await readFile(path);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (err) {
    throw new AppError('readFailed', { path, message: err instanceof Error ? err.message : String(err) });
  }
}

/** The project of a `.lwproj`, or of a `.lwm` opened alone (as the app opens them). */
export async function openForReport(path: string): Promise<Project> {
  const bytes = await bytesOf(path);
  const name = basename(path);
  if (isProjectFile(bytes)) return projectFromContent(projectFromBytes(bytes, name), noLoad, name);
  if (Buffer.from(bytes.subarray(0, 8)).toString('latin1') === MODEL_MAGIC)
    return projectFromModelFile(bytes, name, noLoad);
  throw new AppError('project.notAProject', { name });
}

const readers = (overrides: CsvOptionsOverride) => ({
  import: (path: string, name: string, options: CsvOptionsOverride | undefined) =>
    importCsv(path, {
      fileName: name,
      overrides: { ...options, ...overrides },
      memoryBudgetBytes: memoryBudgetFromEnv(),
    }),
  subset: (dataset: Dataset, spec: Parameters<typeof chooseSubset>[1]) => chooseSubset(dataset, spec),
});

/** The data of a model file, read as its provenance says it was read, its columns as they were chosen. */
async function modelData(entry: ModelEntry, csv: string, overrides: CsvOptionsOverride): Promise<void> {
  const provenance = entry.record.lineage?.provenance;
  if (!provenance)
    throw new AppError('cli.badArguments', {
      message: '--data: this model file does not record which columns and subset it was trained on',
    });
  let dataset = await readers(overrides).import(csv, basename(csv), provenance.options);
  const byName = new Map(dataset.info.columns.map((c) => [c.name, c]));
  const changes = [];
  for (const c of provenance.columns) {
    const now = byName.get(c.name);
    if (!now) {
      if (!c.include) continue;
      throw new AppError('cli.badArguments', { message: `--data: the file has no column "${c.name}" the model uses` });
    }
    if (now.type !== c.type || now.include !== c.include)
      changes.push({ index: now.index, ...(now.type !== c.type ? { type: c.type } : {}), include: c.include });
  }
  if (changes.length > 0) dataset = applyColumnOverrides(dataset, changes);
  const subset = await chooseSubset(dataset, provenance.subset);
  entry.report = { dataset: dataset.info, subset: subset.info };
}

/** Reads `csv` as the data of the project's selected model (see the header). */
export async function attachData(project: Project, csv: string, overrides: CsvOptionsOverride): Promise<void> {
  if (project.dataMissing === 'modelOnly') return modelData(project.selectedModel(), csv, overrides);
  const file = {
    kind: 'file' as const,
    path: csv,
    name: basename(csv),
    keepPath: csv,
    importSource: { kind: 'file' as const, fileId: 'cli' },
  };
  await reloadData(project, file, readers(overrides));
}
