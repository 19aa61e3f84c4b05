/**
 * UI strings of the log-likelihood in words (Train step results), English and Japanese.
 * Placeholders: {name}. Both languages have the same keys (a test checks).
 */
export const likelihoodUi = {
  en: {
    rows: { test: 'test rows', valid: 'validation rows' },
    unseenSame:
      'The model finds rows it never saw ({rows}) about as likely as the rows it trained on: it learned the data rather than memorising it.',
    unseenLess:
      'The model finds rows it never saw ({rows}) {ratio} times less likely than the rows it trained on. The larger this is, the more it memorised its training rows; a small table, many units or many epochs make it larger. Whether the rows it generates copy training rows is what the privacy check of the Samples step measures.',
    outsideSame:
      'Rows outside the subset are about as likely as rows of the subset the model never saw: it already covers the rest of the data.',
    outsideLess:
      'Rows outside the subset are {ratio} times less likely than rows of the subset the model never saw: widen the subset and fine-tune to cover them.',
    estimated: 'These compare estimates (±): a ratio near 1 may be chance.',
  },
  ja: {
    rows: { test: 'テスト行', valid: '検証行' },
    unseenSame:
      'モデルは、学習に使っていない行 ({rows}) を学習行とほぼ同じ確からしさで捉えています。データを丸暗記せず、傾向を学習できています。',
    unseenLess:
      'モデルは、学習に使っていない行 ({rows}) を学習行より {ratio} 倍起こりにくいと見ています。この値が大きいほど学習行を丸暗記しています。表が小さい、ユニット数やエポック数が多いと大きくなります。生成した行が学習行の写しになっていないかは、サンプル画面のプライバシー確認で測れます。',
    outsideSame:
      'サブセット外の行は、モデルが見ていないサブセット内の行とほぼ同じ確からしさです。残りのデータもすでにカバーできています。',
    outsideLess:
      'サブセット外の行は、モデルが見ていないサブセット内の行より {ratio} 倍起こりにくいと見られています。サブセットを広げてファインチューニングするとカバーできます。',
    estimated: 'これらは推定値 (±) の比較です。1 に近い比は偶然の可能性があります。',
  },
};
