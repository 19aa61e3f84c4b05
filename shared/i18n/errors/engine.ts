/** Error messages of the engine and the model file (English and Japanese). Placeholders: {name}. */
export const engineErrors: { en: Record<string, string>; ja: Record<string, string> } = {
  en: {
    'engine.blmTooLarge':
      'The exact BLM method needs a layer of at most {max} units (this one has {k}). Use fewer units or the "aeries" method.',
    'engine.tableTooLarge':
      'A table prior needs a top layer of at most 16 units (this one has {k}). Use fewer units or the RBM prior.',
    'model.notAModel': 'This is not a Layerwise model file (.lwm). Choose a file saved by Layerwise Studio.',
    'model.newerVersion':
      'This model file was saved by a newer version of Layerwise Studio (format {version}; this version reads up to {supported}). Update the application to open it.',
    'model.corrupt': 'The model file is damaged ({reason}). Export the model again from the project that trained it.',
  },
  ja: {
    'engine.blmTooLarge':
      '厳密 BLM 法は {max} ユニット以下の層にのみ使えます (この層は {k} ユニット)。ユニット数を減らすか「aeries」法を使用してください。',
    'engine.tableTooLarge':
      '表形式の事前分布は最上位層が 16 ユニット以下のときのみ使えます (この層は {k} ユニット)。ユニット数を減らすか RBM 事前分布を使用してください。',
    'model.notAModel':
      'Layerwise のモデルファイル (.lwm) ではありません。Layerwise Studio で保存したファイルを選択してください。',
    'model.newerVersion':
      'このモデルファイルは新しいバージョンの Layerwise Studio で保存されています (形式 {version}、このバージョンは {supported} まで対応)。アプリケーションを更新してから開いてください。',
    'model.corrupt':
      'モデルファイルが破損しています ({reason})。学習したプロジェクトからモデルを再度エクスポートしてください。',
  },
};
