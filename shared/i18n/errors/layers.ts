/** Error messages of layer-by-layer training (English and Japanese; same placeholders). */
export const layersErrors = {
  en: {
    'layers.noStack': 'There are no layers to go on from yet. Train layer 1 first.',
    'layers.noSuchLayer': 'There is no layer {n} in the layers trained so far. Retrain one of the layers shown.',
    'layers.tooMany': 'A model has at most {max} layers. Finish with the top prior, or retrain the top layer.',
    'layers.otherRows':
      'The layers were trained on data or choices that have changed since. Start again from layer 1 to train on your current choices.',
    'layers.noRows':
      'The rows this model was trained on are not loaded, so it cannot be fine-tuned. Locate the project’s data in the Data step, or train a model again.',
  },
  ja: {
    'layers.noStack': '続きを学習できる層がまだありません。先に第 1 層を学習してください。',
    'layers.noSuchLayer':
      'これまでに学習した層に第 {n} 層はありません。表示されている層のいずれかを再学習してください。',
    'layers.tooMany': 'モデルの層は最大 {max} 層です。最上位の事前分布で仕上げるか、最上位の層を再学習してください。',
    'layers.otherRows':
      '層を学習した後にデータまたは選択が変わっています。今の選択で学習するには第 1 層からやり直してください。',
    'layers.noRows':
      'このモデルの学習に使った行が読み込まれていないため、微調整できません。データの手順でプロジェクトのデータの場所を指定するか、モデルを学習し直してください。',
  },
};
