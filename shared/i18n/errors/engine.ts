/** Error messages of the engine and the model file (English and Japanese). Placeholders: {name}. */
export const engineErrors: { en: Record<string, string>; ja: Record<string, string> } = {
  en: {
    'engine.blmTooLarge':
      'The exact BLM method needs a layer of at most {max} units (this one has {k}). Use fewer units or the "aeries" method.',
    'engine.tableTooLarge':
      'A table prior needs a top layer of at most 16 units (this one has {k}). Use fewer units or the RBM prior.',
    'engine.unknownBackend':
      'LAYERWISE_BACKEND is set to "{name}", which is not a backend. Set it to one of {choices}, or unset it to use the best backend that loads.',
    'engine.backendUnavailable':
      'The {name} backend was requested (LAYERWISE_BACKEND) but could not be loaded on this machine ({message}). Unset LAYERWISE_BACKEND to use the best backend that loads, or choose another of {choices}.',
    'model.notAModel': 'This is not a Layerwise model file (.lwm). Choose a file saved by Layerwise Studio.',
    'model.newerVersion':
      'This model file was saved by a newer version of Layerwise Studio (format {version}; this version reads up to {supported}). Update the application to open it.',
    'model.corrupt': 'The model file is damaged ({reason}). Export the model again from the project that trained it.',
    'model.unfinished':
      'This model file holds a model whose training is not finished ({layers} layers, no top prior yet), so it cannot generate rows. Open it in Layerwise Studio and finish the model first.',
    'engine.otherRows':
      'These layers were trained on other rows ({expected} training rows; these data have {rows}). Train the first layer again on these rows, or go back to the data and subset the layers were trained on.',
    'engine.noSuchLayer': 'There is no layer {layer} (the model has {layers} layers). Choose one of its layers.',
    'engine.badEpochs':
      'Fine-tuning needs at least one epoch (got {epochs}). Enter a whole number of epochs of 1 or more.',
  },
  ja: {
    'engine.blmTooLarge':
      '厳密 BLM 法は {max} ユニット以下の層にのみ使えます (この層は {k} ユニット)。ユニット数を減らすか「aeries」法を使用してください。',
    'engine.tableTooLarge':
      '表形式の事前分布は最上位層が 16 ユニット以下のときのみ使えます (この層は {k} ユニット)。ユニット数を減らすか RBM 事前分布を使用してください。',
    'engine.unknownBackend':
      'LAYERWISE_BACKEND に「{name}」が設定されていますが、これはバックエンド名ではありません。{choices} のいずれかを設定するか、設定を解除して利用可能な最適なバックエンドを使用してください。',
    'engine.backendUnavailable':
      '{name} バックエンドが指定されました (LAYERWISE_BACKEND) が、このマシンでは読み込めませんでした ({message})。LAYERWISE_BACKEND の設定を解除して利用可能な最適なバックエンドを使用するか、{choices} のうち別のものを指定してください。',
    'model.notAModel':
      'Layerwise のモデルファイル (.lwm) ではありません。Layerwise Studio で保存したファイルを選択してください。',
    'model.newerVersion':
      'このモデルファイルは新しいバージョンの Layerwise Studio で保存されています (形式 {version}、このバージョンは {supported} まで対応)。アプリケーションを更新してから開いてください。',
    'model.corrupt':
      'モデルファイルが破損しています ({reason})。学習したプロジェクトからモデルを再度エクスポートしてください。',
    'model.unfinished':
      'このモデルファイルのモデルは学習が終わっていません ({layers} 層、最上位の事前分布がまだありません) ので、行を生成できません。Layerwise Studio で開き、先にモデルを完成させてください。',
    'engine.otherRows':
      'これらの層は別の行で学習されています (学習行 {expected} 行、このデータは {rows} 行)。この行で最初の層から学習し直すか、層を学習したときのデータとサブセットに戻してください。',
    'engine.noSuchLayer':
      '第 {layer} 層はありません (このモデルは {layers} 層です)。モデルの層のいずれかを選んでください。',
    'engine.badEpochs':
      'ファインチューニングには 1 エポック以上が必要です (指定値 {epochs})。1 以上の整数を入力してください。',
  },
};
