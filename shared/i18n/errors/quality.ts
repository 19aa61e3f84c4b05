/** Error messages of the quality evidence (English and Japanese). Placeholders: {name}. */
export const qualityErrors: { en: Record<string, string>; ja: Record<string, string> } = {
  en: {
    'quality.noData':
      'The quality check compares generated rows with the rows the model was trained on, and those rows are not loaded. Open the project’s data again (Data step), then try again.',
    'quality.noColumns':
      'The quality check found no column to compare: generated rows hold no numbers, dates, categories or yes/no columns the model learnt.',
    'quality.unknownTarget':
      'The column "{name}" cannot be predicted in the “train on synthetic, test on real” check. Pick a number or category column the model generates.',
  },
  ja: {
    'quality.noData':
      '品質チェックは生成した行をモデルの学習に使った行と比べますが、その行が読み込まれていません。プロジェクトのデータをもう一度開いて (データの手順)、やり直してください。',
    'quality.noColumns':
      '品質チェックで比べられる列がありません。生成した行に、モデルが学習した数値・日付・カテゴリ・はい/いいえの列がありません。',
    'quality.unknownTarget':
      '列「{name}」は「合成データで学習し実データで検証」のチェックで予測できません。モデルが生成する数値またはカテゴリの列を選んでください。',
  },
};
