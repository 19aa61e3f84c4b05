/**
 * Page object of Layerwise Studio: what a user does and sees, step by step, in the words of a
 * user story (open data, choose a subset, train, generate, export, switch language, save and
 * reopen the project, reload the page). Specs use
 * only these methods; the selectors stay inside the step objects it is composed of. It works
 * the same in the browser (file chooser, downloads) and in Electron (native dialogs answered
 * by the main process), see dialogs.ts.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { Accessibility, type Violation } from './accessibility.js';
import { showStep, textOf, type Step, type Table, type Target } from './base.js';
import { DataStep, type Column } from './data-step.js';
import { ExportStep } from './export-step.js';
import { ModelsPanel } from './models.js';
import { PrivacyPanel } from './privacy.js';
import { ProjectBar, type ModelEntry, type SaveAnswer } from './project-bar.js';
import { QualityPanel } from './quality.js';
import { ReportExport } from './report.js';
import { RulesPanel } from './rules.js';
import { SamplesStep } from './samples-step.js';
import { SamplesTable } from './samples-table.js';
import { LayerByLayer } from './staged.js';
import { SubsetStep, type Segment, type SegmentColumn, type SubsetResult } from './subset-step.js';
import { TrainStep, type LayerResult, type TrainingStatus } from './train-step.js';

export type {
  Column,
  LayerResult,
  ModelEntry,
  SaveAnswer,
  Segment,
  SegmentColumn,
  Step,
  SubsetResult,
  Table,
  Target,
  TrainingStatus,
  Violation,
};

/** When opening data replaces a project with unsaved work, how to answer "save it first?" (default: don't save). */
export interface Replacing {
  whenAskedToSave?: Exclude<SaveAnswer, 'cancel'>;
}

export class Studio {
  readonly #page: Page;
  readonly #localeSwitch: Locator;
  readonly #title: Locator;
  readonly #backend: Locator;
  readonly #data: DataStep;
  readonly #subset: SubsetStep;
  readonly #train: TrainStep;
  readonly #samples: SamplesStep;
  /** The Samples step's quality panel, with its own page object. */
  readonly quality: QualityPanel;
  readonly #export: ExportStep;
  readonly #a11y: Accessibility;
  readonly #project: ProjectBar;
  /** The Samples step's table and conditions, and the CSV options of the export (samples-table.ts). */
  readonly samplesTable: SamplesTable;
  readonly #layers: LayerByLayer;
  readonly #privacy: PrivacyPanel;
  readonly #target: Target;
  /** Whether the last open of data or a project was asked to save the project first. */
  #askedToSave = false;
  /** The project's models compared (Train step): train with a method per layer, read the table, chart and verdict. */
  readonly compare: ModelsPanel;
  /** The report (Export step): saved as HTML, or opened in a tab to print (web host). */
  readonly report: ReportExport;

  constructor(page: Page, target: Target) {
    this.#page = page;
    this.#localeSwitch = page.getByTestId('locale-switch');
    this.#title = page.getByTestId('page-title');
    this.#backend = page.getByTestId('backend-name');
    this.#data = new DataStep(page, target);
    this.#subset = new SubsetStep(page, target);
    this.#train = new TrainStep(page, target);
    this.#samples = new SamplesStep(page, target);
    this.quality = new QualityPanel(page, target);
    this.#export = new ExportStep(page, target);
    this.#a11y = new Accessibility(page);
    this.#project = new ProjectBar(page, target);
    this.compare = new ModelsPanel(page, target);
    this.samplesTable = new SamplesTable(page, target);
    this.#layers = new LayerByLayer(page, target);
    this.report = new ReportExport(page, target);
    this.#privacy = new PrivacyPanel(page, target);
    this.#target = target;
  }

  /** The Data step's rules found in the data (e2e/pages/rules.ts). */
  rulesPanel(): RulesPanel {
    return new RulesPanel(this.#page, this.#target);
  }

  // The window: steps, language, title, status bar.

  /** Opens a step by its tab (each method below opens its own step when needed). */
  async goToStep(step: Step): Promise<void> {
    await showStep(this.#page, step);
  }

  /** Switches the UI language and waits until the page is in it. */
  async switchLanguage(locale: 'en' | 'ja'): Promise<void> {
    await this.#localeSwitch.selectOption(locale);
    await this.#page.waitForFunction((lang) => document.documentElement.lang === lang, locale);
  }

  /** The heading of the step shown. */
  async pageTitle(): Promise<string> {
    return textOf(this.#title);
  }

  /** The compute backend named in the status bar ("…" until the app has answered). */
  async backend(): Promise<string> {
    return textOf(this.#backend);
  }

  /** Saves a screenshot of the window (for the README). */
  async screenshot(path: string): Promise<void> {
    await this.#page.screenshot({ path, fullPage: false });
  }

  // Accessibility and help.

  /** Violations of impact serious or critical (axe-core) on the page as shown. */
  accessibilityViolations(): Promise<Violation[]> {
    return this.#a11y.violations();
  }
  openHelp(): Promise<void> {
    return this.#a11y.openHelp();
  }
  helpText(): Promise<string> {
    return this.#a11y.helpText();
  }
  closeHelp(): Promise<void> {
    return this.#a11y.closeHelp();
  }

  // Data.

  welcomeActions(): Promise<{ openCsv: string; trySample: string }> {
    return this.#data.welcomeActions();
  }
  openSample(options: Replacing = {}): Promise<void> {
    return this.#data.openSample(this.#replacing(options));
  }
  openCsv(path: string, options: Replacing = {}): Promise<void> {
    return this.#data.openCsv(path, this.#replacing(options));
  }
  leaveOutColumn(column: string): Promise<void> {
    return this.#data.leaveOut(column);
  }
  /** Opens a CSV the app refuses; the message it shows instead. */
  openCsvRefused(path: string): Promise<string> {
    return this.#data.openCsvRefused(path);
  }
  importSummary(): Promise<string> {
    return this.#data.importSummary();
  }
  encoding(): Promise<string> {
    return this.#data.encoding();
  }
  preview(): Promise<Table> {
    return this.#data.preview();
  }
  columns(): Promise<Column[]> {
    return this.#data.columns();
  }
  setColumnType(column: string, type: string): Promise<void> {
    return this.#data.setColumnType(column, type);
  }

  // Subset.

  segmentColumns(): Promise<SegmentColumn[]> {
    return this.#subset.segmentColumns();
  }
  chooseSegments(columns: string[], options?: { coverage?: number }): Promise<void> {
    return this.#subset.chooseSegments(columns, options);
  }
  segmentTable(): Promise<Segment[]> {
    return this.#subset.segmentTable();
  }
  segmentsCountedOver(): Promise<string | null> {
    return this.#subset.segmentsCountedOver();
  }
  applySubset(options?: { sampleRows?: number }): Promise<void> {
    return this.#subset.applySubset(options);
  }
  subsetResult(): Promise<SubsetResult> {
    return this.#subset.subsetResult();
  }

  // Train.

  /** Opens the Train step and waits for its set-up (chosen from the data) to be shown. */
  waitForTrainingSetup(): Promise<void> {
    return this.#train.waitForSetup();
  }
  train(options?: { epochs?: number }): Promise<void> {
    return this.#train.train(options);
  }
  waitForTrainingDone(options?: { timeout?: number }): Promise<void> {
    return this.#train.waitForTrainingDone(options);
  }
  trainingStatus(): Promise<TrainingStatus> {
    return this.#train.trainingStatus();
  }
  chartPoints(): Promise<number> {
    return this.#train.chartPoints();
  }
  layerResults(): Promise<LayerResult[]> {
    return this.#train.layerResults();
  }
  hasLayerResults(): Promise<boolean> {
    return this.#train.hasLayerResults();
  }
  cancelTraining(): Promise<void> {
    return this.#train.cancel();
  }
  /** Training layer by layer, under the Train step's "Customise" (its own page object). */
  layerByLayer(): LayerByLayer {
    return this.#layers;
  }

  // Samples.

  generate(rows: number, seed?: number): Promise<void> {
    return this.#samples.generate(rows, seed);
  }
  generatedRows(): Promise<string[][]> {
    return this.#samples.generatedRows();
  }
  realRows(): Promise<string[][]> {
    return this.#samples.realRows();
  }
  samplesNotes(): Promise<string | null> {
    return this.#samples.notes();
  }
  /** The privacy panel of the Samples step. */
  privacy(): PrivacyPanel {
    return this.#privacy;
  }

  // Export.

  exportSamples(rows?: number): Promise<string> {
    return this.#export.exportSamples(rows);
  }
  exportModel(): Promise<string> {
    return this.#export.exportModel();
  }
  exportNotes(): Promise<string | null> {
    return this.#export.notes();
  }

  // The project.

  projectName(): Promise<string> {
    return this.#project.name();
  }
  projectStatus(): Promise<string> {
    return this.#project.status();
  }
  models(): Promise<ModelEntry[]> {
    return this.#project.models();
  }
  /** Saves the project; returns the saved .lwproj file. */
  saveProject(): Promise<string> {
    return this.#project.save();
  }
  /** Opens a project (.lwproj) or a model file (.lwm). */
  openProject(path: string, options: Replacing = {}): Promise<void> {
    return this.#project.open(path, options.whenAskedToSave ?? 'discard');
  }
  /** Whether the last open of data or of a project asked to save the project first. */
  wasAskedToSave(): boolean {
    return this.#askedToSave;
  }
  staleNotice(step: 'train' | 'samples' | 'export' = 'train'): Promise<string | null> {
    return this.#project.staleNotice(step);
  }
  dataNotice(): Promise<string | null> {
    return this.#project.dataNotice();
  }
  locateData(path: string): Promise<void> {
    return this.#project.locateData(path);
  }

  /** Whether a step's tab can be opened (a step needs data, or a model, first). */
  async canOpenStep(step: Step): Promise<boolean> {
    return this.#page.getByTestId(`step-${step}`).isEnabled();
  }

  /** Reloads the page (as the browser's reload button does) and waits until the app is back. */
  async reload(): Promise<void> {
    await this.#page.reload();
    await this.#waitForApp();
  }

  /** Opens the app at `url` (another web host) in this page. */
  async visit(url: string): Promise<void> {
    await this.#page.goto(url);
    await this.#waitForApp();
  }

  async #waitForApp(): Promise<void> {
    // The app has found its project (after a reload, the same one) and its engine.
    await expect(this.#page.getByTestId('project-bar')).not.toHaveAttribute('data-project', '');
    await this.#page.waitForFunction(() => document.querySelector('[data-testid="backend-name"]')?.textContent !== '…');
  }

  #replacing(options: Replacing) {
    this.#askedToSave = false;
    return async (click: () => Promise<void>) => {
      this.#askedToSave = await this.#project.clickAnswering(click, options.whenAskedToSave ?? 'discard');
    };
  }
}
