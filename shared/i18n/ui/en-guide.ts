/**
 * English UI strings of the Train step's explanations, run notices, form messages, help panel
 * and accessibility labels: part of the catalog in en.ts (its own file for length).
 */
export const guide = {
  /** One-line explanations of every setting and figure of the Train step (shown beside them). */
  explain: {
    units:
      'How many on/off features the layer learns. More units capture more detail, but train slower and need more rows.',
    method:
      'How the layer is trained. AERIes, the paper’s method, is the default; stacked RBMs are the classic baseline.',
    epochs: 'Passes over all the training rows. More epochs fit better until the validation figures stop improving.',
    batchSize: 'Rows in each small training step. Larger batches are faster per row but take fewer steps.',
    learningRate: 'Size of each training step: too large and training jumps around, too small and it barely moves.',
    samples:
      'Codes drawn per row to estimate the criterion of a layer of more than 12 units. More is steadier and slower.',
    inferenceWidth:
      'Width of the network that encodes a row into the layer’s code. Empty: twice the units, at least 64.',
    criterion:
      'What an auto-encoder layer maximises: the BLM criterion of the method, or the usual reconstruction one, for comparison.',
    cdK: 'RBM layers: sampling steps per update (contrastive divergence). 1 is usual.',
    persistent:
      'RBM layers: keep the sampling chains from one update to the next (persistent CD), which usually learns better.',
    topPrior:
      'How the codes of the top layer are modelled, where generation starts: a small RBM, an exact table (16 units at most) or independent bits.',
    topHidden: 'Hidden units of the top RBM. More can model more patterns among the top codes.',
    topEpochs: 'Passes over the training rows to fit the top RBM.',
    seed: 'Makes the run repeatable: the same seed on the same data gives the same model.',
    validationFraction:
      'Share of the training rows held back to check each layer when the subset has no validation rows.',
    patience:
      'Stop a layer after this many epochs without progress on validation rows, keeping its best epoch. 0 (the default): never stop early, since stopping at the best validation score kept fewer of the strong correlations between numbers.',
    fineTune:
      'After the layer-by-layer pass, adjust all layers together for this many epochs. 0 skips it; use it once the layers are settled.',
    boundTrain:
      'Best log-likelihood the layers above could reach on top of this layer, on training rows. Flattering: the layer has seen them.',
    boundValid:
      'The same bound on validation rows the layer never trained on: compare layers and settings on this one.',
    loglikTrain: 'How probable the finished model finds the rows it trained on, on average.',
    loglikValid: 'The same on the validation rows, used to check each layer while choosing settings.',
    loglikTest: 'The same on test rows never used for any choice: the honest figure of the model.',
    exact:
      '“exact”: computed over every code. Otherwise an estimate ± one standard error (the margin of its sampling).',
    nats: 'Figures are in nats per row, a log scale: higher (closer to 0) is better, and 0.69 nats make 1 bit.',
    outside:
      'Rows outside the subset: the share holding only values the model has seen, and how probable it finds them.',
    seconds: 'Time the layer took, its bound included.',
  },
  /** The Train step's simple mode, progress and notices. */
  run: {
    ready: 'Ready to train',
    rowsSplit: 'Training on {train} rows; {valid} for validation and {test} for test are held back to check the model.',
    rowsNone: 'Training on all {train} rows: none are held back, so every figure is on training rows only.',
    smallTable: 'That is a large share of a small table: once you are happy with the model, refit it on every row.',
    model: 'Model chosen from your data: {layers}, {epochs} epochs per layer ({bits} bits per row after encoding).',
    layerSizes: '{sizes} units',
    estimate: 'Takes about {time} on this computer.',
    estimating: 'Estimating how long it takes…',
    customise: 'Customise the model',
    fineTuneLabel: 'Fine-tuning epochs (all layers together, after the layer-by-layer pass)',
    fineTuneResult: 'Fine-tuning took the log-likelihood on {rows} from {before} to {after}.',
    fineTuneRowsValid: 'validation rows',
    fineTuneRowsTrain: 'training rows',
    refit: 'Refit on all rows',
    refitHelp:
      'Trains the same model again on every row of the subset: the subset is applied again with nothing held back for validation or test, and each layer gets the epochs it trained for in this run. The figures are then on training rows only: keep this run’s figures as the evidence.',
    refitted: 'Refitted on all rows: the figures below are on training rows only.',
    fixFirst: 'Correct the settings marked in red to train.',
    progress: 'Training progress',
    percent: '{percent} % done',
    left: '{eta} left',
    estimatingLeft: 'estimating the time left…',
    evaluatingModel: 'evaluating the model…',
    finished: 'Training finished in {time}. The results are below.',
    showResults: 'Show the results',
    cancelledNote: 'Training cancelled; the previous results are kept.',
    announceStarted: 'Training started.',
    announceLayer: 'Layer {n} trained.',
    announceFinished: 'Training finished in {time}.',
    announceCancelled: 'Training cancelled.',
    announceFailed: 'Training failed.',
    announcePaused: 'Training paused.',
    announceResumed: 'Training resumed.',
    chartNote:
      'Solid and dashed lines: each layer’s training criterion, how well it rebuilds a row from that row’s own code. Dotted line: its BLM bound, the log-likelihood the layers above could at best reach, which must also pay for picking a code with no row to start from. So the criterion sits above the bound: they are different measures. Upper layers work on the codes of the layer below, not on your rows.',
    boundGap:
      'A validation bound above the training bound is no sign the model does better on new rows: the two are computed on different rows (up to 4,000 training rows, only the validation rows you have), a small set gives an uncertain figure (see its ±), and the estimate, when not exact, draws its 2,048 codes from the rows it scores, which flatters a small set.',
  },
  /** Messages of settings the form refuses, in the user's words. */
  form: {
    mustBe: '{field} must be {rule}.',
    layerField: 'Layer {n} · {field}',
    rules: {
      min: 'at least {min}',
      above: 'more than {min}',
      max: 'at most {max}',
      below: 'less than {max}',
      whole: 'a whole number',
      number: 'a number',
    },
  },
  /** The help panel. */
  help: {
    open: 'Help',
    close: 'Close help',
    title: 'How to build a model of your data',
    workflowTitle: 'The workflow',
    workflow1:
      'Start from a frequent, clean segment of your data (Subset step): the lower layers learn the common patterns best from consistent rows.',
    workflow2:
      'Train, and check the evidence: each layer’s BLM bound on validation rows. If the first layer’s bound is far below what you need, more layers will not fix it: give it more units or epochs.',
    workflow3:
      'Widen the subset to more of your data and train again; see how the model does on the rows outside the subset.',
    workflow4: 'Fine-tune all layers together, and once the model is settled, refit it on every row.',
    layerTitle: 'A layer',
    layer:
      'A layer turns each row into a short code of on/off units and learns to rebuild the row from it. Stacked layers make codes of codes; new rows are generated from the top layer down.',
    boundTitle: 'The BLM bound',
    bound:
      'After a layer is trained, its bound says how good the whole model could get if the layers above were perfect: a ceiling that more layers can approach but not pass. Higher is better; read it on validation rows.',
    loglikTitle: 'The log-likelihood',
    loglik:
      'How probable the finished model finds real rows, on average, in nats per row: a log scale where higher (closer to 0) is better. Test rows, never used for any choice, give the honest figure.',
    chartTitle: 'The training chart',
    splitTitle: 'Rows held back',
    split:
      'Validation rows check each layer while you choose settings; test rows are kept aside for the final figure. On a small table they are a large share: refit on all rows at the end.',
  },
  /** Accessibility: alternatives to charts, and labels of controls without visible text. */
  a11y: {
    showTable: 'Show the numbers',
    hideTable: 'Hide the numbers',
    steps: 'Steps',
    layer: 'Layer',
    epoch: 'Epoch',
    series: 'Line',
    value: 'Value',
    column: 'Column',
    distance: 'Distance',
    differs: 'Differs',
    yes: 'yes',
    no: 'no',
    bin: 'Value',
    rows: 'Rows',
    distributionOf: 'Distribution of {column}',
    useColumn: 'Use the column {column}',
    typeOf: 'Type of the column {column}',
    keepSegment: 'Keep the segment {segment}',
    layerField: '{field} of layer {n}',
    removeLayer: 'Remove layer {n}',
    rowsTable: 'Table of rows',
    whatIs: 'What is “{field}”?',
    time: 'Time',
  },
} as const;
