/**
 * A project: one data source (its real name and a fingerprint of its bytes), the reading
 * options, the column choices, the subset, and any number of models, each with its lineage
 * (what it was trained on). A model whose lineage no longer matches the current choices is
 * out of date, with the list of what changed. Zod schemas are the source of truth.
 */
import { z } from 'zod';
import { QualityScore } from './compare.js';
import { ErrorPayload } from './errors.js';
import { ColumnType, DataProvenance, DatasetInfo, ExclusionReason, SubsetInfo } from './data.js';
import { EpochProgress, LayerResult, TrainConfig, TrainSummary } from './model.js';

export const RunState = z.enum(['running', 'paused', 'cancelled', 'done', 'failed']);
export type RunState = z.infer<typeof RunState>;

/** What to read: the bundled sample, or a file the user picked (by its registered id). */
export const ImportSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sample') }),
  z.object({ kind: z.literal('file'), fileId: z.string() }),
]);
export type ImportSource = z.infer<typeof ImportSource>;

/** A file's identity: its size and time, and a SHA-256 of the whole file or, for a large one, of its first and last MiB. */
export const SourceFingerprint = z.object({
  bytes: z.number().int().min(0),
  mtimeMs: z.number(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  scope: z.enum(['whole', 'ends']),
});
export type SourceFingerprint = z.infer<typeof SourceFingerprint>;

/** Where a project's rows come from: the bundled sample or a file the user picked, by its real name. */
export const DataSource = z.object({
  kind: z.enum(['sample', 'file']),
  name: z.string(),
  /** The file's path on this machine (desktop); null when it was uploaded to the web host. */
  path: z.string().nullable(),
  fingerprint: SourceFingerprint,
});
export type DataSource = z.infer<typeof DataSource>;

/** What a model (or a run) was trained on: the source's fingerprint and the rows' provenance. */
export const Lineage = z.object({
  fingerprint: SourceFingerprint.nullable(),
  provenance: DataProvenance,
  /** Keys of the rules found in the data that the user turned off (absent before rules were found). */
  rulesOff: z.array(z.string()).optional(),
});
export type Lineage = z.infer<typeof Lineage>;

/** A column's current choice: its type and whether it is used, and why not. */
export const ColumnChoice = z.object({
  name: z.string(),
  type: ColumnType,
  include: z.boolean(),
  excludedReason: ExclusionReason.nullable(),
});
export type ColumnChoice = z.infer<typeof ColumnChoice>;

/** One thing that changed upstream of a model since it was trained. */
export const StaleChange = z.discriminatedUnion('what', [
  /** Another file (or the same name with other bytes). `now` is null when no data is loaded. */
  z.object({ what: z.literal('file'), was: z.string(), now: z.string().nullable() }),
  /** Reading options that differ (encoding, delimiter, …). */
  z.object({ what: z.literal('options'), fields: z.array(z.string()).min(1) }),
  z.object({
    what: z.literal('columns'),
    columns: z
      .array(
        z.object({
          name: z.string(),
          change: z.enum(['leftOut', 'added', 'type']),
          was: ColumnType.nullable(),
          now: ColumnType.nullable(),
        }),
      )
      .min(1),
  }),
  /** Other rules turned off: the keys turned off then and now. */
  z.object({ what: z.literal('rules'), was: z.array(z.string()), now: z.array(z.string()) }),
  /** Another subset: the rows the model trained on and the rows of the current subset (null: none chosen yet). */
  z.object({
    what: z.literal('subset'),
    wasRows: z.number().int().min(0),
    nowRows: z.number().int().min(0).nullable(),
  }),
]);
export type StaleChange = z.infer<typeof StaleChange>;

/** Null when the model matches the current choices. */
export const Staleness = z.object({ changes: z.array(StaleChange).min(1) }).nullable();
export type Staleness = z.infer<typeof Staleness>;

/** A point of the training chart: one epoch of one stage. */
export const ChartPoint = z.object({
  layer: z.number().int().min(0),
  stage: EpochProgress.shape.stage,
  epoch: z.number().int().min(1),
  train: z.number(),
  valid: z.number().nullable(),
});
export type ChartPoint = z.infer<typeof ChartPoint>;

/** A model of the project as saved in the project file (its `.lwm` bytes travel beside it). */
export const ModelRecord = z.object({
  id: z.string(),
  /** "Model 1", "Model 2", … or the name of the model file it was opened from. */
  name: z.string(),
  /** Trained in this project, or opened from a `.lwm` file. */
  origin: z.enum(['trained', 'opened']),
  createdAt: z.string(),
  config: TrainConfig,
  summary: TrainSummary,
  bits: z.number().int().min(1),
  /** Null for a model file written before provenance was recorded. */
  lineage: Lineage.nullable(),
  /** The per-epoch points the Train step draws. */
  points: z.array(ChartPoint),
  /** The quality score of its generated rows, when measured (absent in files written before it existed). */
  quality: QualityScore.nullable().optional(),
});
export type ModelRecord = z.infer<typeof ModelRecord>;

export const ProjectModel = ModelRecord.extend({ stale: Staleness });
export type ProjectModel = z.infer<typeof ProjectModel>;

/** The training run in progress, or the last one when it did not produce a model (cancelled, failed, interrupted). */
export const ProjectRun = z.object({
  runId: z.string(),
  state: RunState,
  config: TrainConfig,
  startedAt: z.string(),
  points: z.array(ChartPoint),
  layers: z.array(LayerResult),
  progress: EpochProgress.nullable(),
  error: ErrorPayload.nullable(),
  /** The run trains on its own snapshot: what changed since it started (e.g. the subset). */
  stale: Staleness,
});
export type ProjectRun = z.infer<typeof ProjectRun>;

/** Why the data of a project is not loaded. */
export const DataMissing = z.enum([
  /** A model opened on its own: there is no data. */
  'modelOnly',
  /** The file is not where it was (or was uploaded to a web host that has restarted). */
  'notFound',
  /** A file is there but its bytes are not the ones the project was made with. */
  'changed',
]);
export type DataMissing = z.infer<typeof DataMissing>;

/** Everything about the project but its data's rows: what the renderer needs after a reload or on a change. */
export const ProjectOverview = z.object({
  id: z.string(),
  name: z.string(),
  /** The project file it was saved to or opened from; null until saved. */
  fileName: z.string().nullable(),
  /** Desktop: where Save writes without asking. */
  path: z.string().nullable(),
  /** Changed since it was last saved (by the user or by an autosave to its own file). */
  dirty: z.boolean(),
  /** Dirty with work the user would lose: a model or a run. */
  unsaved: z.boolean(),
  source: DataSource.nullable(),
  /** How to read the data again in this session (another reading option keeps the project); null when not loaded. */
  importSource: ImportSource.nullable(),
  dataMissing: DataMissing.nullable(),
  columns: z.array(ColumnChoice),
  subset: SubsetInfo.nullable(),
  models: z.array(ProjectModel),
  selected: z.string().nullable(),
  /** The run without its points (they come as events). */
  run: z.object({ runId: z.string(), state: RunState, stale: Staleness }).nullable(),
  autosavedAt: z.string().nullable(),
});
export type ProjectOverview = z.infer<typeof ProjectOverview>;

/** The whole project as the renderer rebuilds itself from it: the overview, the data's info and the run with its points. */
export const ProjectState = ProjectOverview.extend({
  data: DatasetInfo.nullable(),
  run: ProjectRun.nullable(),
});
export type ProjectState = z.infer<typeof ProjectState>;

/** A project autosaved earlier, which the app offers to restore. */
export const AutosaveEntry = z.object({
  id: z.string(),
  name: z.string(),
  savedAt: z.string(),
  models: z.number().int().min(0),
});
export type AutosaveEntry = z.infer<typeof AutosaveEntry>;

/**
 * What to know about generated rows: the columns the current choices leave out, what changed
 * since the model was trained, and the columns whose rare values it grouped as "(other)".
 */
export const GenerationNotes = z.object({
  omitted: z.array(z.string()),
  /** What changed since the model was trained (the rows are generated as it was trained). */
  stale: Staleness,
  /** Values seen fewer than `below` times in the training rows, grouped as "(other)": how many, per column; null: none. */
  grouped: z
    .object({
      below: z.number().int().min(2),
      columns: z.array(z.object({ name: z.string(), values: z.number().int().min(1) })).min(1),
    })
    .nullable(),
});
export type GenerationNotes = z.infer<typeof GenerationNotes>;
