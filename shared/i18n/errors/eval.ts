/** Error messages of evaluation and experiments (English and Japanese). Placeholders: {name}. */
export const evalErrors: { en: Record<string, string>; ja: Record<string, string> } = {
  en: {
    'eval.blmTooLarge':
      'The exact BLM bound needs a layer of at most {max} units (this one has {k}). Use the auto-encoded estimate instead.',
    'eval.datasetMissing':
      'The dataset file {path} was not found. It ships with the repository as electron/lab/datasets/{file}: restore it from a fresh clone.',
    'eval.datasetBad': 'The dataset file {path} could not be read: {reason}.',
    'eval.unknownMethod': 'Unknown training method "{method}". Use rbm, ae, aeries or blm-exact.',
    'eval.badLayers': 'The layer sizes "{value}" are not a comma-separated list of positive integers.',
    'eval.tooFewRows': 'The dataset has {rows} rows; at least {min} are needed for train, validation and test splits.',
  },
  ja: {
    'eval.blmTooLarge':
      '厳密な BLM 上界は {max} ユニット以下の層でのみ計算できます (この層は {k} ユニット)。自己符号化による推定値を使用してください。',
    'eval.datasetMissing':
      'データセットファイル {path} が見つかりません。リポジトリの electron/lab/datasets/{file} に含まれています。新しいクローンから復元してください。',
    'eval.datasetBad': 'データセットファイル {path} を読み込めませんでした: {reason}。',
    'eval.unknownMethod': '不明な学習法「{method}」です。rbm、ae、aeries、blm-exact のいずれかを使用してください。',
    'eval.badLayers': '層のサイズ「{value}」は正の整数のカンマ区切りリストではありません。',
    'eval.tooFewRows': 'データセットは {rows} 行です。学習・検証・テストに分けるには {min} 行以上が必要です。',
  },
};
