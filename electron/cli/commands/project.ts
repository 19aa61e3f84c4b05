/**
 * `layerwise project info <file.lwproj>`: what a project file holds, as JSON — its data source
 * and choices, its subset, and every model with its figures (per-layer bounds, log-likelihoods,
 * exact or estimated), what it was trained on and whether it is out of date.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/domain/errors.js';
import type { ModelRecord } from '../../../shared/domain/project.js';
import { columnChoices, staleness, type CurrentChoices } from '../../service/project/lineage.js';
import { projectFromBytes, type ProjectContent } from '../../service/project/project-file.js';
import { DEFAULT_SUBSET } from '../../service/project/project.js';
import { parse, printJson, type Command } from '../command.js';

/** A project file's content; `path` names it in messages. */
export async function readProject(path: string): Promise<ProjectContent> {
  // A device such as /dev/zero, a pipe or a folder is refused before it is read.
  const info = await stat(path).catch(() => null);
  if (info && !info.isFile()) throw new AppError('model.notAFile', { path });
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new AppError('readFailed', { path, message: err instanceof Error ? err.message : String(err) });
  }
  return projectFromBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), basename(path));
}

/** The project's current choices, against which its models are judged. */
export function choicesOf(content: ProjectContent): CurrentChoices {
  const { data, subset, source } = content;
  return {
    source,
    options: data?.options ?? null,
    columns: columnChoices(data),
    subset: data ? { spec: subset?.spec ?? DEFAULT_SUBSET, rows: subset?.rows ?? null } : null,
    rulesOff: content.rulesOff ?? [],
  };
}

function modelJson(record: ModelRecord, index: number, content: ProjectContent) {
  const { summary, config } = record;
  const provenance = record.lineage?.provenance ?? null;
  return {
    index,
    name: record.name,
    origin: record.origin,
    selected: record.id === content.selected,
    createdAt: record.createdAt,
    layers: summary.layers.map((l) => ({
      layer: l.layer + 1,
      units: l.units,
      method: l.method,
      epochs: l.epochs,
      seconds: l.seconds,
      blmTrain: l.blmTrain,
      blmValid: l.blmValid,
    })),
    topPrior: config.topPrior,
    seed: config.seed,
    logLikelihood: summary.logLikelihood,
    fineTune: summary.fineTune,
    outside: summary.outside,
    backend: summary.backend,
    seconds: summary.seconds,
    chartPoints: record.points.length,
    trainedOn: provenance && {
      fileName: provenance.fileName,
      rows: provenance.rows,
      subset: provenance.subset,
      columns: provenance.columns.filter((c) => c.include).map((c) => c.name),
    },
    stale: staleness(record.lineage, choicesOf(content)),
  };
}

export const projectCommand: Command = {
  name: 'project',
  summary: 'show what a project file (.lwproj) holds: its data, subset and every model with its figures',
  usage: `Usage: layerwise project info <file.lwproj>

Prints the project as JSON: the data source (its name and fingerprint), the columns used, the
subset, and every model (numbered from 1, as "layerwise sample <file.lwproj> --model N" takes
them) with its per-layer BLM bounds, log-likelihoods (exact or estimated), what it was trained
on and, when the project's choices changed since, what changed.`,
  async run(argv) {
    const { positionals } = parse(argv, {});
    const [action, path] = positionals;
    if (action !== 'info')
      throw new AppError('cli.badArguments', { message: 'the project command takes "info <file.lwproj>"' });
    if (!path) throw new AppError('cli.missingArgument', { what: 'the project file', command: 'project' });
    const content = await readProject(path);
    printJson({
      name: content.name,
      savedAt: content.savedAt,
      appVersion: content.appVersion,
      source: content.source && { name: content.source.name, ...content.source.fingerprint },
      data: content.data && {
        fileName: content.data.fileName,
        rows: content.data.rows,
        fileRows: content.data.fileRows,
        columns: content.data.columns.map((c) => ({ name: c.name, type: c.type, include: c.include })),
      },
      subset: content.subset && { spec: content.subset.spec, rows: content.subset.rows, train: content.subset.train },
      models: content.models.map(({ record }, i) => modelJson(record, i + 1, content)),
      run: content.run && {
        state: content.run.state,
        layers: content.run.layers.length,
        points: content.run.points.length,
      },
    });
    return 0;
  },
};
