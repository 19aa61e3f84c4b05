/**
 * The project of a service and what happens to it as a whole: a new project (another file, or
 * New), saving it to one file (desktop: the dialog once, then the same path; web host: a
 * download), opening a project or a model file, finding a reopened project's data again,
 * autosaving after each change, layer and run end (atomic; desktop: to its own file once it
 * has one), restoring an autosaved project, and telling the renderer (`project.changed`).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CsvOptionsOverride, DatasetInfo } from '../../../shared/domain/data.js';
import type { MethodOutput, ServerEvent } from '../../../shared/contract.js';
import { AppError, toErrorPayload } from '../../../shared/domain/errors.js';
import type { DataSource, ImportSource, ProjectOverview, ProjectState } from '../../../shared/domain/project.js';
import { writeFileAtomic } from '../../base/atomic-write.js';
import { appVersion } from '../../platform/app-version.js';
import { fingerprintFile } from '../../platform/fingerprint.js';
import type { FileRegistry } from '../../platform/file-registry.js';
import type { Saver } from '../../platform/saver.js';
import type { EngineClient } from '../engine-thread/client.js';
import { WriteQueue, type Autosaves } from './autosave.js';
import { reloadData, type DataReader, type FoundFile } from './data-reload.js';
import { isProjectFile, projectFromBytes, projectToBytes } from './project-file.js';
import { projectContent, projectFromContent, projectFromModelFile } from './project-io.js';
import { Project, stem, type ModelEntry } from './project.js';

export interface SessionDeps {
  transport: 'electron' | 'web';
  samplePath: string;
  engine: EngineClient;
  files: FileRegistry;
  saver: Saver;
  /** Where autosaves go; null: no autosave (tests). */
  autosaves: Autosaves | null;
  emit(event: ServerEvent): void;
  read: DataReader;
  /** Stops the training run of the project being closed. */
  cancelRun(): void;
}

const MODEL_MAGIC = 'LWMODEL\0';

export class ProjectSession {
  private current = new Project();
  private readonly autosave: WriteQueue;

  constructor(private readonly deps: SessionDeps) {
    this.autosave = new WriteQueue(() => this.writeAutosave());
    deps.autosaves?.claim(this.current.id);
  }

  get project(): Project {
    return this.current;
  }

  /** Closes the current project (its run, or its stage of layer-by-layer training, is stopped) and makes `next` the project. */
  replace(next: Project): void {
    if (this.current.run || this.current.layers.job) this.deps.cancelRun();
    this.deps.autosaves?.release(this.current.id);
    this.deps.autosaves?.claim(next.id);
    this.current = next;
    this.changed();
  }

  newProject(): ProjectState {
    this.replace(new Project());
    return this.current.state();
  }

  /**
   * Reads the data. Another file (or the first, or any when `fresh`: the user opened data)
   * starts a new project; the same one read again (other reading options) keeps the project,
   * its models then marked out of date.
   */
  async importData(input: ImportSource, options: CsvOptionsOverride | undefined, fresh = false): Promise<DatasetInfo> {
    const { samplePath, files, transport } = this.deps;
    const { path, name } =
      input.kind === 'sample' ? { path: samplePath, name: basename(samplePath) } : files.lookup(input.fileId);
    const [dataset, fingerprint] = await Promise.all([
      this.deps.read.import(path, name, options),
      fingerprintFile(path, name),
    ]);
    const keepPath = input.kind === 'file' && transport === 'electron' ? path : null;
    const source: DataSource = { kind: input.kind, name, path: keepPath, fingerprint };
    const project = this.current;
    if (fresh || !sameImport(project.importSource, input) || project.dataMissing === 'modelOnly')
      this.replace(new Project());
    this.current.setData(dataset, source, input);
    this.changed();
    return dataset.info;
  }

  /** Tells the renderer and autosaves. */
  changed(): void {
    this.deps.emit({ type: 'project.changed', project: this.current.overview() });
    if (this.current.hasWork() || this.current.info) void this.autosave.request();
  }

  /** Follows a training event: the run's points and layers, an autosave after each layer and at the end. */
  observe(event: ServerEvent): void {
    this.current.observe(event);
    if (event.type === 'train.layer') void this.autosave.request();
    if (event.type === 'train.state' && event.state !== 'running' && event.state !== 'paused') this.changed();
  }

  /** The project is closed (its browser session ends): its last autosave written, it may be offered for restoring. */
  async close(): Promise<void> {
    await this.flush().catch(() => undefined);
    this.deps.autosaves?.release(this.current.id);
  }

  /** Waits for the autosave in progress, if any (tests, shutdown). */
  flush(): Promise<void> {
    return this.autosave.request();
  }

  async modelBytes(entry: ModelEntry): Promise<Uint8Array> {
    entry.bytes ??= await this.deps.engine.modelFile(entry.record.id);
    return entry.bytes;
  }

  private async bytes(project: Project): Promise<Uint8Array> {
    return projectToBytes(await projectContent(project, (e) => this.modelBytes(e), appVersion()));
  }

  async save(as: boolean): Promise<MethodOutput<'project.save'>> {
    const project = this.current;
    const bytes = await this.bytes(project);
    const result =
      this.deps.transport === 'electron' && project.path && !as
        ? await writeFileAtomic(project.path, bytes).then(() => ({
            saved: true,
            fileName: basename(project.path!),
            path: project.path,
            downloadUrl: null,
          }))
        : await this.deps.saver.save({ kind: 'project', suggestedName: `${project.name || 'project'}.lwproj`, bytes });
    if (result.saved) {
      project.dirty = false;
      project.fileName = result.fileName;
      if (result.path) {
        project.path = result.path;
        project.name = stem(result.path);
        await this.deps.autosaves?.remove(project.id);
      }
      this.deps.emit({ type: 'project.changed', project: project.overview() });
    }
    return { result, project: project.overview() };
  }

  /** Opens a project file or a model file (by its first bytes) as the project. */
  async open(fileId: string): Promise<ProjectState> {
    const { path, name } = this.deps.files.lookup(fileId);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (err) {
      throw new AppError('readFailed', { path: name, message: err instanceof Error ? err.message : String(err) });
    }
    const load = (id: string, b: Uint8Array) => this.deps.engine.load(id, b);
    let project: Project;
    if (isProjectFile(bytes)) {
      project = await projectFromContent(projectFromBytes(bytes, name), load, name);
      if (this.deps.transport === 'electron') project.path = path;
      await this.findData(project);
    } else if (Buffer.from(bytes.subarray(0, 8)).toString('latin1') === MODEL_MAGIC) {
      project = await projectFromModelFile(bytes, name, load);
    } else throw new AppError('project.notAProject', { name });
    project.dirty = false;
    this.replace(project);
    return project.state();
  }

  /** Reads a reopened project's data where it was (the sample, or the desktop's path); else it stays missing. */
  private async findData(project: Project): Promise<void> {
    const source = project.source;
    if (!source || project.dataMissing === 'modelOnly') return;
    const path = source.kind === 'sample' ? this.deps.samplePath : source.path;
    if (!path) return;
    try {
      const importSource =
        source.kind === 'sample'
          ? ({ kind: 'sample' } as const)
          : ({ kind: 'file', fileId: this.deps.files.register(path, source.name).fileId } as const);
      const file: FoundFile = { kind: source.kind, path, name: source.name, keepPath: source.path, importSource };
      await reloadData(project, file, this.deps.read);
    } catch (err) {
      project.dataMissing = toErrorPayload(err).code === 'project.otherData' ? 'changed' : 'notFound';
    }
  }

  /** The data of the project, picked again by the user: refused (with why) unless it is the same file. */
  async locateData(fileId: string): Promise<ProjectState> {
    const project = this.current;
    if (project.dataMissing === 'modelOnly') throw new AppError('unsupported', { what: 'project.locateData' });
    const { path, name } = this.deps.files.lookup(fileId);
    const keepPath = this.deps.transport === 'electron' ? path : null;
    const file: FoundFile = { kind: 'file', path, name, keepPath, importSource: { kind: 'file', fileId } };
    try {
      await reloadData(project, file, this.deps.read);
    } catch (err) {
      if (toErrorPayload(err).code === 'project.otherData') project.dataMissing = 'changed';
      throw err;
    } finally {
      this.changed();
    }
    return project.state();
  }

  selectModel(modelId: string): ProjectOverview {
    this.current.model(modelId);
    this.current.selected = modelId;
    this.current.touch();
    this.changed();
    return this.current.overview();
  }

  async autosaved(): Promise<MethodOutput<'project.autosaved'>> {
    return (await this.deps.autosaves?.list()) ?? [];
  }

  async restore(id: string): Promise<ProjectState> {
    if (!this.deps.autosaves) throw new AppError('project.unknownAutosave');
    const bytes = await this.deps.autosaves.read(id);
    const load = (modelId: string, b: Uint8Array) => this.deps.engine.load(modelId, b);
    const project = await projectFromContent(projectFromBytes(bytes, `${id}.lwproj`), load, null);
    await this.findData(project);
    project.dirty = true;
    this.replace(project);
    return project.state();
  }

  async forgetAutosave(id: string): Promise<{ removed: boolean }> {
    return { removed: (await this.deps.autosaves?.remove(id)) ?? false };
  }

  /** Desktop, a project with a file: autosaved to it (then it is saved); otherwise to the autosave folder. */
  private async writeAutosave(): Promise<void> {
    const project = this.current;
    if (!project.hasWork() && !project.info) return;
    const bytes = await this.bytes(project);
    if (this.deps.transport === 'electron' && project.path) {
      await writeFileAtomic(project.path, bytes);
      project.dirty = false;
    } else if (this.deps.autosaves) await this.deps.autosaves.write(project.id, bytes);
    else return;
    project.autosavedAt = new Date().toISOString();
  }
}

/** The same data read again (another reading option), not another file. */
function sameImport(a: ImportSource | null, b: ImportSource): boolean {
  if (!a || a.kind !== b.kind) return false;
  return a.kind === 'sample' || (b.kind === 'file' && a.fileId === b.fileId);
}
