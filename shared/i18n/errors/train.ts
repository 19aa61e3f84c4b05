/**
 * Messages of the training limits, the split, the engine's memory check and divergence, and
 * the command line's file checks (English and Japanese). Placeholders: {name}. `terms` are
 * names a message's parameters refer to as `@key` (a setting's name, a reason): they are
 * translated into the message's language when it is formatted.
 */
export const trainErrors: { en: Record<string, string>; ja: Record<string, string> } = {
  en: {
    'train.badSetting':
      '{setting} must be a whole number between {min} and {max} (it is {value}). Change it and start again.',
    'train.badValue': '{setting} must be a number between {min} and {max} (it is {value}). Change it and start again.',
    'train.badSettingPositive':
      '{setting} must be more than {min} and at most {max} (it is {value}). Change it and start again.',
    'train.badSplit':
      'The train, validation and test shares must each be between 0 and 100 % and add up to 100 %, with some rows to train on (they are {train} %, {valid} % and {test} %, {total} % in all). Change them and apply again.',
    'train.tooFewRows':
      'Only {rows} rows are left to train on; at least {min} are needed. Choose more rows or a smaller validation and test share.',
    'train.tooLarge':
      'Training with these settings would need about {needed} MB of memory, more than the {budget} MB the engine may use. Lower "{setting}" (now {value}) and start again.',
    'engine.diverged':
      'Training diverged: the learning rate is probably too high. Lower it and try again. No model was kept from this run.',
    'engine.runFailed':
      'Training stopped on an error inside the engine ({message}). The engine was restarted and your data and last model are unchanged; start again, perhaps with smaller settings.',
    'cli.badSplit':
      'Options --valid and --test must be fractions from 0 up to (not including) 1 that add up to less than 1 (they are {valid} and {test}); the rest of the rows train the model.',
    'cli.outputIsInput':
      'The output {path} is the input file itself. Choose another name for the output; nothing was written.',
    'cli.outputIsFolder': '{path} is a folder. Give the output a file name; nothing was written.',
    'cli.wouldOverwrite':
      '{path} exists and is not a model file, so it was not replaced. Choose another output name, or add --force to replace it.',
    'cli.wouldOverwriteModel':
      '{path} is a model file; writing rows over it would destroy the model. Choose another output name; nothing was written.',
    'cli.tooManyRows': 'Option --rows must be between 1 and {max} (it is {value}).',
    'cli.notWritable':
      'Cannot write to the folder of {path} ({message}). Check that the folder exists, that you may write to it and that the disk has space; nothing was trained.',
    'cli.savedElsewhere':
      'Could not save the model to {path} ({message}). The trained model was kept in {fallback}: move it where you want it.',
    'model.tooLarge':
      '{path} is {size} bytes, larger than any model file Layerwise Studio writes (at most {max} bytes). Choose a model file (.lwm) saved by Layerwise Studio.',
    'model.notAFile': '{path} is not a regular file. Choose a model file (.lwm) saved by Layerwise Studio.',
  },
  ja: {
    'train.badSetting':
      '{setting}は {min} 以上 {max} 以下の整数にしてください (現在は {value})。変更してからもう一度開始してください。',
    'train.badValue':
      '{setting}は {min} 以上 {max} 以下の数値にしてください (現在は {value})。変更してからもう一度開始してください。',
    'train.badSettingPositive':
      '{setting}は {min} より大きく {max} 以下にしてください (現在は {value})。変更してからもう一度開始してください。',
    'train.badSplit':
      '学習・検証・テストの割合はそれぞれ 0〜100 % で、合計が 100 % になり、学習用の行が残るようにしてください (現在は {train} %、{valid} %、{test} %、合計 {total} %)。変更してからもう一度適用してください。',
    'train.tooFewRows':
      '学習に使える行が {rows} 行しかありません。少なくとも {min} 行が必要です。行を増やすか、検証・テストの割合を減らしてください。',
    'train.tooLarge':
      'この設定で学習するには約 {needed} MB のメモリが必要で、エンジンが使える {budget} MB を超えます。「{setting}」(現在 {value}) を小さくしてからもう一度開始してください。',
    'engine.diverged':
      '学習が発散しました。学習率が高すぎる可能性があります。学習率を下げてもう一度お試しください。この学習のモデルは保存されていません。',
    'engine.runFailed':
      'エンジン内部のエラーで学習が停止しました ({message})。エンジンを再起動しました。データと最後のモデルは変更されていません。設定を小さくするなどしてもう一度開始してください。',
    'cli.badSplit':
      'オプション --valid と --test には 0 以上 1 未満の割合を、合計が 1 未満になるように指定してください (現在は {valid} と {test})。残りの行で学習します。',
    'cli.outputIsInput':
      '出力先 {path} は入力ファイルそのものです。別の出力名を指定してください。何も書き込んでいません。',
    'cli.outputIsFolder': '{path} はフォルダーです。出力にはファイル名を指定してください。何も書き込んでいません。',
    'cli.wouldOverwrite':
      '{path} は既に存在し、モデルファイルではないため置き換えませんでした。別の出力名を指定するか、置き換える場合は --force を付けてください。',
    'cli.wouldOverwriteModel':
      '{path} はモデルファイルです。行を書き込むとモデルが失われます。別の出力名を指定してください。何も書き込んでいません。',
    'cli.tooManyRows': 'オプション --rows は 1 以上 {max} 以下にしてください (現在は {value})。',
    'cli.notWritable':
      '{path} のフォルダーに書き込めません ({message})。フォルダーが存在し、書き込み権限とディスクの空きがあるか確認してください。学習は行っていません。',
    'cli.savedElsewhere':
      'モデルを {path} に保存できませんでした ({message})。学習したモデルは {fallback} に保存しました。必要な場所へ移動してください。',
    'model.tooLarge':
      '{path} は {size} バイトで、Layerwise Studio が書き出すモデルファイルの上限 ({max} バイト) を超えています。Layerwise Studio で保存したモデルファイル (.lwm) を選択してください。',
    'model.notAFile':
      '{path} は通常のファイルではありません。Layerwise Studio で保存したモデルファイル (.lwm) を選択してください。',
  },
};

/** Names and reasons that messages refer to by `@key`. */
export const terms: { en: Record<string, string>; ja: Record<string, string> } = {
  en: {
    'setting.layers': 'The number of layers',
    'setting.units': 'Units of layer {layer}',
    'setting.epochs': 'Epochs of layer {layer}',
    'setting.batchSize': 'Batch size of layer {layer}',
    'setting.learningRate': 'Learning rate of layer {layer}',
    'setting.samples': 'Samples per row (S) of layer {layer}',
    'setting.inferenceWidth': 'Inference width of layer {layer}',
    'setting.cdK': 'Gibbs steps (CD-k) of layer {layer}',
    'setting.topHidden': 'Hidden units of the top prior',
    'setting.topEpochs': 'Epochs of the top prior',
    'setting.validationFraction': 'The validation fraction',
    'setting.patience': 'Patience (early stopping)',
    'setting.fineTuneEpochs': 'Fine-tuning epochs',
    'setting.rows': 'Training rows (use a sample of fewer rows)',
    'setting.bits': 'Columns used (leave out columns, or use fewer levels)',
  },
  ja: {
    'setting.layers': '層の数',
    'setting.units': '第 {layer} 層のユニット数',
    'setting.epochs': '第 {layer} 層のエポック数',
    'setting.batchSize': '第 {layer} 層のバッチサイズ',
    'setting.learningRate': '第 {layer} 層の学習率',
    'setting.samples': '第 {layer} 層の行あたりのサンプル数 (S)',
    'setting.inferenceWidth': '第 {layer} 層の推論モデルの幅',
    'setting.cdK': '第 {layer} 層のギブスステップ数 (CD-k)',
    'setting.topHidden': '最上位の事前分布の隠れユニット数',
    'setting.topEpochs': '最上位の事前分布のエポック数',
    'setting.validationFraction': '検証用の割合',
    'setting.patience': '早期終了までの猶予 (エポック数)',
    'setting.fineTuneEpochs': 'ファインチューニングのエポック数',
    'setting.rows': '学習に使う行数 (より少ない行を抽出してください)',
    'setting.bits': '使用する列 (列を除外するか、水準を減らしてください)',
  },
};
