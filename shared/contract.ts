/**
 * The one typed contract between the renderer and the Node side. Every request method and
 * every event is declared here once, with a zod schema that validates it wherever it enters
 * a process. The Electron shell (ipcMain + preload) and the web host (HTTP + WebSocket) are
 * two transports over a `Service` that implements these methods; the renderer's client is
 * derived from the same table.
 */
import { z } from 'zod';
import { ErrorPayload } from './domain/errors.js';
import {
  ColumnOverride,
  CsvOptionsOverride,
  DatasetInfo,
  RowTable,
  SegmentTable,
  SplitFractions,
  SubsetInfo,
  SubsetSpec,
} from './domain/data.js';
import { ConditionColumn, ConditionReport, Conditions, CsvFormat } from './domain/samples.js';
import { QualityEvidence, QualityRequest } from './domain/quality.js';
import { bounded, splitError } from './domain/limits.js';
import { RuleSet, RuleViolation } from './domain/rules.js';
import { LayerConfig, TrainConfig, TrainSummary } from './domain/model.js';
import { LayersState, SuggestBudget } from './domain/layer-by-layer.js';
import { ReportRequest } from './domain/report.js';
import {
  AutosaveEntry,
  GenerationNotes,
  ImportSource,
  ProjectOverview,
  ProjectState,
  RunState,
} from './domain/project.js';
import { DropCloserThan, PrivacyEvidence, PrivacyRequest } from './domain/privacy.js';
import { FileRef } from './domain/files.js';
import { ServerEvent } from './events.js';

const Empty = z.object({}).strict();

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** tfjs backend the engine runs on: 'tensorflow', 'wasm' or 'cpu'. */
  backend: z.string(),
  transport: z.enum(['electron', 'web']),
  /** The operating system's locale, e.g. 'ja-JP'. */
  osLocale: z.string(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export { FileRef };

export { ImportSource };

/** Where an export went: a path the user chose (desktop), or a one-time download URL (web host). */
export const SaveResult = z.object({
  saved: z.boolean(),
  fileName: z.string(),
  path: z.string().nullable(),
  downloadUrl: z.string().nullable(),
});
export type SaveResult = z.infer<typeof SaveResult>;

export { RunState };

export const ModelInfo = z.object({
  runId: z.string(),
  config: TrainConfig,
  summary: TrainSummary,
  /** Encoded width of a row: the visible layer's bits. */
  bits: z.number().int().min(1),
});
export type ModelInfo = z.infer<typeof ModelInfo>;

/** A stack's settings (fixed by its layer 1) within the limits of a run's. */
const STACK_SETTINGS = TrainConfig.pick({ seed: true, validationFraction: true, patience: true });

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** Request/response methods. Names are `area.verb`; the IPC channel of a method is `lw:<name>`. */
export const methods = {
  'app.info': method(Empty, AppInfo),
  /** Desktop: shows the open dialog and registers the chosen path. The web host answers `unsupported` (the browser uploads). */
  'files.pickCsv': method(Empty, FileRef.nullable()),
  /**
   * Reads data. `newProject`: the user opened data (a new project, even of the same file);
   * otherwise another file starts a new project and the same one read again keeps it.
   */
  'data.import': method(
    z.object({ source: ImportSource, options: CsvOptionsOverride.optional(), newProject: z.boolean().optional() }),
    DatasetInfo,
  ),
  /** Stops the pass over a file in progress: an import, a segment count or a subset draw. */
  'data.cancelImport': method(Empty, z.object({ cancelled: z.boolean() })),
  'data.updateColumns': method(z.object({ columns: z.array(ColumnOverride) }), DatasetInfo),
  'data.rows': method(
    z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }),
    RowTable,
  ),
  'subset.segments': method(z.object({ columns: z.array(z.number().int().min(0)).min(1).max(3) }), SegmentTable),
  /** The split's shares must add up to 100 % with rows to train on (`splitError`): never rescaled silently. */
  'subset.apply': method(
    z.object({
      spec: SubsetSpec.extend({
        split: SplitFractions.refine((split) => splitError(split) === null, 'the split does not add up to 1'),
      }),
    }),
    SubsetInfo,
  ),
  /** A configuration chosen from the data, its bits per row, and the subset's training, validation and test rows. */
  'train.defaults': method(
    Empty,
    z.object({
      config: TrainConfig,
      bits: z.number().int().min(1),
      rows: z.number().int().min(0),
      valid: z.number().int().min(0),
      test: z.number().int().min(0),
    }),
  ),
  /** About how many seconds a run of this configuration takes here (the engine's speed measured on the data). */
  'train.estimate': method(z.object({ config: TrainConfig }), z.object({ seconds: z.number().min(0) })),
  'train.start': method(
    z.object({
      config: TrainConfig,
      /** Rare-value protection: categories seen fewer times than this in the training rows are grouped as "(other)" (1 = off). */
      rareMin: z.number().int().min(1).max(1000).default(5),
    }),
    z.object({ runId: z.string() }),
  ),
  'train.pause': method(z.object({ runId: z.string() }), z.object({ state: RunState })),
  'train.resume': method(z.object({ runId: z.string() }), z.object({ state: RunState })),
  'train.cancel': method(z.object({ runId: z.string() }), z.object({ state: RunState })),
  'model.info': method(Empty, ModelInfo.nullable()),
  /**
   * Layer by layer (METHOD.md §3). Each stage starts on the engine thread and answers its run
   * id at once; its progress comes as `train.epoch` / `train.layer` / `train.candidate` events,
   * its end as `train.state` (pause, resume and cancel by run id like a run), and the stack,
   * the suggestion and the stage running as `train.stackChanged` (or `train.stack`).
   */
  'train.stack': method(Empty, LayersState),
  /** `start`: layer 1 of a new stack on the current subset, with these settings; null: one more layer on the stack. */
  'train.layer': method(
    z.object({
      layer: LayerConfig,
      start: STACK_SETTINGS.nullable().default(null),
      rareMin: z.number().int().min(1).max(1000).default(5),
    }),
    z.object({ runId: z.string() }),
  ),
  /** Layer `index` of the stack trained again with other settings; the layers above it are dropped. */
  'train.retrainLayer': method(
    z.object({ index: z.number().int().min(0), layer: LayerConfig }),
    z.object({ runId: z.string() }),
  ),
  /** The top prior fitted on the stack: a model of the project (the stack stays). */
  'train.finish': method(
    z.object({ top: TrainConfig.pick({ topPrior: true, topHidden: true, topEpochs: true }) }),
    z.object({ runId: z.string() }),
  ),
  /** Fine-tunes a model (default: the selected one) into a new model, its log-likelihood before and after. */
  'train.fineTune': method(
    z.object({ modelId: z.string().nullable().default(null), epochs: bounded('fineTuneEpochs').min(1) }),
    z.object({ runId: z.string() }),
  ),
  /** "Suggest a size": first layers of these sizes (null: chosen from the data) like `layer`, ranked within a time budget. */
  'train.suggest': method(
    z.object({
      layer: LayerConfig,
      sizes: z.array(bounded('units')).min(1).max(12).nullable().default(null),
      settings: STACK_SETTINGS,
      budgetSeconds: SuggestBudget.default(180),
      rareMin: z.number().int().min(1).max(1000).default(5),
    }),
    z.object({ runId: z.string() }),
  ),
  /** The first `rows` rows of what `export.samples` writes for the same seed, beside real rows. */
  'samples.generate': method(
    z.object({
      rows: z.number().int().min(1).max(100000),
      seed: z.number().int(),
      /** Only rows where these columns take these values (METHOD.md §4.5). */
      where: Conditions,
      dropCloserThan: DropCloserThan,
    }),
    z.object({
      generated: RowTable,
      real: RowTable,
      notes: GenerationNotes,
      /** With `where`: the model's figures for the condition. */
      condition: ConditionReport.nullable().optional(),
      dropped: z.number().int().min(0).default(0),
      /** How often each rule of the model breaks in the generated rows (0 for accepted rules); absent without rules. */
      rules: z.array(RuleViolation).optional(),
    }),
  ),
  /** The columns of the selected model that can be fixed, with the values it can generate for them. */
  'samples.columns': method(Empty, z.array(ConditionColumn)),
  'export.samples': method(
    z.object({
      rows: z.number().int().min(1).max(1000000),
      seed: z.number().int(),
      where: Conditions,
      /** Character set, delimiter, formula guard. */
      format: CsvFormat.default(CsvFormat.parse({})),
      dropCloserThan: DropCloserThan,
    }),
    SaveResult.extend({
      notes: GenerationNotes,
      condition: ConditionReport.nullable().optional(),
      dropped: z.number().int().min(0).default(0),
    }),
  ),
  /** Quality of the selected model's rows for a seed against the real rows (the Samples step's quality panel). */
  'evidence.quality': method(QualityRequest, QualityEvidence),
  /** Stops the quality check in progress (it then fails with `cancelled`). */
  'evidence.cancel': method(Empty, z.object({ cancelled: z.boolean() })),
  /** Stops the export of generated rows in progress (it then fails with `cancelled`). */
  'export.cancel': method(Empty, z.object({ cancelled: z.boolean() })),
  'export.model': method(Empty, SaveResult),
  /** Privacy evidence of the selected model's rows for a seed, against its training and held-out rows. */
  'evidence.privacy': method(PrivacyRequest, PrivacyEvidence),
  /** Stops the privacy evidence in progress (it then fails with `cancelled`). */
  'evidence.cancelPrivacy': method(Empty, z.object({ cancelled: z.boolean() })),
  /** The report in the UI's language: an HTML file, a PDF (desktop), or HTML to view and print in a tab (web host). */
  'export.report': method(ReportRequest, SaveResult),
  /** The rules found in the rows in memory (every included column), with those the user turned off. */
  'rules.list': method(Empty, RuleSet),
  /** Turns rules off by key (the others on): part of the project, so models trained before are marked out of date. */
  'rules.choose': method(z.object({ off: z.array(z.string()) }), RuleSet),
  /** Everything the renderer needs to find the project again after a reload or a reconnect. */
  'project.state': method(Empty, ProjectState),
  /** Starts an empty project (the renderer asks to save the current one first). */
  'project.new': method(Empty, ProjectState),
  /** Saves to the project's file (desktop, once it has one) or asks where (`as`); the web host hands a download. */
  'project.save': method(
    z.object({ as: z.boolean().default(false) }),
    z.object({ result: SaveResult, project: ProjectOverview }),
  ),
  /** Desktop: the open dialog for a project (.lwproj) or a model (.lwm). The web host answers `unsupported`. */
  'files.pickProject': method(Empty, FileRef.nullable()),
  /** Opens a project file, or a model file on its own, as the project. */
  'project.open': method(z.object({ fileId: z.string() }), ProjectState),
  /** The data of a reopened project, picked again: refused unless its fingerprint matches. */
  'project.locateData': method(z.object({ fileId: z.string() }), ProjectState),
  'project.selectModel': method(z.object({ modelId: z.string() }), ProjectOverview),
  /** Projects autosaved by earlier sessions (newest first), which the app offers to restore. */
  'project.autosaved': method(Empty, z.array(AutosaveEntry)),
  'project.restore': method(z.object({ id: z.string() }), ProjectState),
  'project.forgetAutosave': method(z.object({ id: z.string() }), z.object({ removed: z.boolean() })),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];
export const isMethodName = (name: string): name is MethodName => Object.hasOwn(methods, name);
export { ipcChannel, EVENT_CHANNEL } from './channels.js';

/** Events pushed from the Node side to the renderer (`events.ts`). */
export { ServerEvent };

/** What a transport sends back for a request: the value, or a translatable error. */
export const Reply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorPayload }),
]);
export type Reply = z.infer<typeof Reply>;

/** The Node side implements every method; transports only validate and forward. */
export type Service = {
  [M in MethodName]: (input: z.output<Methods[M]['input']>) => Promise<MethodOutput<M>>;
};

/** What the renderer calls: same names, inputs before defaults are applied. */
export type Api = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
};

export function parseInput<M extends MethodName>(name: M, input: unknown): z.output<Methods[M]['input']> {
  return methods[name].input.parse(input) as z.output<Methods[M]['input']>;
}
export function parseOutput<M extends MethodName>(name: M, output: unknown): MethodOutput<M> {
  return methods[name].output.parse(output) as MethodOutput<M>;
}
