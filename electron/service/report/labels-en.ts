/** The report's words in English: the catalog every section reads (`labels-ja.ts` has the same keys). */
import { evidenceLabels } from './labels-evidence.js';
import { rulesLabels } from './labels-rules.js';

export const en = {
  title: 'Layerwise Studio report',
  created: 'Created',
  version: 'Application version',
  backend: 'Engine backend',
  contents: 'Contents',
  // Data summary
  data: 'Data',
  file: 'File',
  rows: 'Rows',
  sampled: 'read into memory as a random sample',
  columns: 'Columns used',
  columnName: 'Column',
  columnType: 'Type',
  columnUse: 'Used',
  columnMissing: 'Missing',
  columnDistinct: 'Distinct values',
  yes: 'yes',
  no: 'no',
  excluded: 'no ({reason})',
  rare: 'Rare values',
  rareNone:
    'Categories seen fewer than {k} times in the training rows are grouped as "(other)" and never stored in the model; this data had none.',
  rareSome:
    'Categories seen fewer than {k} times in the training rows are grouped as "(other)" and never stored in the model: {list}.',
  rareOff: 'Off: every category is kept, even one seen once.',
  rareOld: 'Not recorded (a model made before rare-value protection).',
  rareColumn: '{name}: {values} values in {rows} rows',
  noData: 'The data was not loaded: what follows is what the model file records of it.',
  // Subset
  subset: 'Subset and representativeness',
  subsetRows: 'Rows in subset / outside',
  segments: 'Segments kept',
  sample: 'Sample',
  stratified: 'stratified by segment',
  random: 'at random',
  fromFile: 'drawn from the whole file: {rows} of {matching} rows in the segments',
  split: 'Train / validation / test',
  represent: 'Distance of each column from the whole data',
  representNote:
    'Total variation distance between the subset and all rows, per column (0 = same distribution, 1 = nothing in common). Columns above 0.1 are flagged.',
  representEveryRow:
    'The subset is every row, so it represents the data exactly: there are no other rows to compare it with.',
  distance: 'Distance',
  flagged: 'Flagged',
  // Architecture and configuration
  model: 'Architecture and configuration',
  modelName: 'Model',
  bits: 'Visible bits',
  layer: 'Layer',
  units: 'Units',
  method: 'Method',
  epochs: 'Epochs',
  batchSize: 'Batch size',
  learningRate: 'Learning rate',
  samples: 'Samples S',
  inferenceWidth: 'Inference width',
  inferenceAuto: 'max(64, 2k)',
  criterion: 'Criterion',
  cd: 'Gibbs steps (CD-k)',
  persistent: 'Persistent chains',
  top: 'Top prior',
  topHidden: 'Top prior hidden units',
  topEpochs: 'Top prior epochs',
  seed: 'Seed',
  validationFraction: 'Validation fraction',
  patience: 'Patience (epochs)',
  fineTuneEpochs: 'Fine-tuning epochs',
  seconds: 'Seconds',
  choices:
    'Method: Arnold & Ollivier, "Layer-wise learning of deep generative models" (2012). Choices not fixed by the paper (marked as choices in the specification): rich inference width max(64, 2k) with tanh, S = 8 samples, fresh codes each epoch, PCD-1 for RBMs, M = 2048 codes for the estimated bound.',
  // Bounds
  bounds: 'Bounds per layer',
  blmTrain: 'BLM bound (train)',
  blmValid: 'BLM bound (validation)',
  boundChart: 'BLM bound per layer (nats per row, higher is better)',
  blmNote:
    'The BLM bound of a layer is the best log-likelihood that any layers above it could still reach: an optimistic estimate of what the model can become.',
  axisNote: 'The value axis does not start at 0: it spans the figures shown.',
  modelBoundTrain: 'Model-so-far bound (train)',
  modelBoundValid: 'Model-so-far bound (validation)',
  modelBoundChart: 'Bound of the model so far, per layer (nats per row on the rows, higher is better)',
  modelBoundNote:
    'The chart shows the bound of the model made of layers 1 to n on the rows themselves: the figure to compare with the model’s log-likelihood.',
  ownBoundNote:
    'This model file does not record the bound of the model so far: the chart shows each layer’s own bound, above the first layer on the codes of the layer below, not on the rows.',
  // Log-likelihood
  loglik: 'Log-likelihood',
  which: 'Rows',
  figure: 'Figure',
  train: 'Train',
  valid: 'Validation',
  test: 'Test',
  fineTune: 'Fine-tuning (before → after)',
  unitsNote:
    'Figures are in nats per row (bits in parentheses). "exact" figures are computed by enumeration; others are estimates ± one standard error.',
  gapSame: 'The model finds the test rows it never saw about as likely as the rows it trained on.',
  gapLess:
    'The model finds the test rows it never saw {times} times less likely than the rows it trained on ({nats} nats per row).',
  gapMore: 'The model finds the test rows it never saw {times} times more likely than the rows it trained on.',
  // Curves
  curves: 'Training curves',
  curveTitle: 'Layer {n}: criterion per epoch (nats per row, higher is better)',
  curveTop: 'Top prior: criterion per epoch',
  curveFineTune: 'Fine-tuning: criterion per epoch',
  epoch: 'Epoch',
  value: 'Nats per row',
  seriesTrain: 'train',
  seriesValid: 'validation',
  noCurves: 'This model file holds no per-epoch figures (a model opened from a file keeps only its results).',
  // Comparison
  compare: 'Models of the project',
  compareChart: 'Test log-likelihood per model (nats per row, higher is better)',
  compareNote:
    'Models trained on different data or subsets are not comparable: their figures are shown side by side only.',
  layers: 'Layers',
  quality: 'Quality score',
  selected: '(this report)',
  // Coverage
  coverage: 'Coverage of the rest of the data',
  outsideRows: 'Rows outside the subset',
  represented: 'With values the model knows',
  outsideLl: 'Log-likelihood of those rows',
  outsideNote:
    'The rows left out of the subset, scored by the model: how well it describes the data it was not asked to learn.',
  outsideNone: 'The subset is every row of the data: there are no rows outside it.',
  outsideNotComputed: 'Not computed for this model.',
  // Backend and versions
  about: 'Backend and versions',
  appName: 'Application',
  modelCreated: 'Model trained',
  trainSeconds: 'Training time (seconds)',
  chartData: 'Data of the chart',
  ...evidenceLabels.en,
  ...rulesLabels.en,
} as const;

export type LabelKey = keyof typeof en;
