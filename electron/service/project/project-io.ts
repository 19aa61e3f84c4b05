/**
 * A project to and from its file's content, and a model file opened on its own as a project.
 * Every model's bytes are read back as a bundle (an old `.lwm` inside a project loads like one
 * opened alone) and handed to the engine thread, so a reopened project generates, exports and
 * reports at once, with or without its data.
 */
import { randomUUID } from 'node:crypto';
import type { ModelRecord } from '../../../shared/domain/project.js';
import type { SubsetInfo } from '../../../shared/domain/data.js';
import { groupBits } from '../../base/encoded-rows.js';
import { bundleFromBytes, type ModelBundle } from '../../synthesizer/index.js';
import type { ProjectContent } from './project-file.js';
import { Project, stem, type ModelEntry } from './project.js';
import type { StackEntry } from './stack.js';

/** Keeps a model's bytes on the engine thread under its id. */
export type LoadModel = (id: string, bytes: Uint8Array) => Promise<void>;

/** The stack and suggestion of layer-by-layer training as saved (the stack as a partial model file). */
async function savedLayers(
  project: Project,
  stackBytes?: (entry: StackEntry) => Promise<Uint8Array>,
): Promise<ProjectContent['layers']> {
  const saved = project.layers.saved();
  if (!saved) return null;
  const stack = project.layers.stack;
  const bytes = stack ? (stack.bytes ?? (stackBytes ? await stackBytes(stack) : null)) : null;
  return { saved: bytes ? saved : { ...saved, stack: null }, bytes };
}

/** The project as its file holds it; `bytesOf` gives a model's `.lwm` bytes, `stackBytes` the stack's partial file. */
export async function projectContent(
  project: Project,
  bytesOf: (entry: ModelEntry) => Promise<Uint8Array>,
  appVersion: string,
  stackBytes?: (entry: StackEntry) => Promise<Uint8Array>,
): Promise<ProjectContent> {
  const models = [];
  for (const entry of project.models) models.push({ record: entry.record, bytes: await bytesOf(entry) });
  return {
    appVersion,
    savedAt: new Date().toISOString(),
    id: project.id,
    name: project.name || 'Untitled',
    source: project.source,
    data: project.info,
    subset: project.subsetInfo,
    modelOnly: project.dataMissing === 'modelOnly',
    models,
    selected: project.selected,
    run: project.savedRun(),
    layers: await savedLayers(project, stackBytes),
    rulesOff: project.rulesOff,
  };
}

/** The subset as a model's provenance records it, for its report when the data is not loaded. */
function subsetOfProvenance(record: ModelRecord): SubsetInfo | null {
  const p = record.lineage?.provenance;
  if (!p) return null;
  return { spec: p.subset, ...p.rows, rows: p.rows.subset, representativeness: [], fromFile: p.fromFile };
}

function entryOf(record: ModelRecord, bytes: Uint8Array, bundle: ModelBundle): ModelEntry {
  return {
    record,
    bytes,
    encoding: bundle.manifest.dataEncoding,
    rules: bundle.manifest.dataRules,
    trainedOn: null,
    report: { dataset: null, subset: subsetOfProvenance(record) },
  };
}

/** The project of a project file's content, its models on the engine thread; its data is still to be found. */
export async function projectFromContent(
  content: ProjectContent,
  load: LoadModel,
  fileName: string | null,
): Promise<Project> {
  const project = new Project(content.id);
  project.name = content.name;
  project.fileName = fileName;
  project.source = content.source;
  project.info = content.data;
  project.subsetInfo = content.subset;
  project.rulesOff = content.rulesOff ?? [];
  project.dataMissing = content.modelOnly ? 'modelOnly' : content.data ? 'notFound' : null;
  for (const { record, bytes } of content.models) {
    const bundle = bundleFromBytes(bytes);
    await load(record.id, bytes);
    project.models.push(entryOf(record, bytes, bundle));
  }
  project.selected = project.models.some((m) => m.record.id === content.selected)
    ? content.selected
    : (project.models[0]?.record.id ?? null);
  project.restoreRun(content.run);
  project.layers.restore(content.layers?.saved ?? null, content.layers?.bytes ?? null);
  return project;
}

/** A model file opened on its own: a project whose only model it is, with no data. */
export async function projectFromModelFile(bytes: Uint8Array, fileName: string, load: LoadModel): Promise<Project> {
  const bundle = bundleFromBytes(bytes);
  const { manifest } = bundle;
  const record: ModelRecord = {
    id: randomUUID(),
    name: fileName,
    origin: 'opened',
    createdAt: manifest.createdAt,
    config: manifest.config,
    summary: manifest.metrics,
    bits: groupBits(manifest.architecture.visible),
    lineage: manifest.dataProvenance ? { fingerprint: null, provenance: manifest.dataProvenance } : null,
    points: [],
  };
  await load(record.id, bytes);
  const project = new Project();
  project.name = stem(fileName);
  project.dataMissing = 'modelOnly';
  project.addModel(entryOf(record, bytes, bundle));
  project.dirty = false;
  return project;
}
