/**
 * UI strings of the comparison of a project's models (English and Japanese): the table, the
 * chart of log-likelihoods and the one-line verdict AERIes against stacked RBMs.
 * Placeholders: {name}. Both languages have the same keys (a test checks).
 */
export const compareUi = {
  en: {
    title: 'Your models compared',
    intro:
      'Every model of this project, side by side. Log-likelihoods are in nats per row: higher (closer to 0) is better. Judge them on validation or test rows, which no model trained on.',
    model: 'Model',
    methods: 'Method per layer',
    sizes: 'Sizes',
    train: 'Training rows',
    valid: 'Validation rows',
    test: 'Test rows',
    bounds: 'BLM bound per layer',
    time: 'Training time',
    quality: 'Quality score',
    use: 'Use',
    useThis: 'Use this model',
    useLabel: 'Use {model} for Samples and Export',
    inUse: 'In use',
    outOfDate: 'out of date',
    staleSince: 'Since it was trained, you {changes}.',
    opened: 'opened from a file',
    exact: 'exact',
    estimate: 'estimate',
    bound: 'Layer {n}: {value}',
    boundRows: '(validation)',
    boundRowsTrain: '(training)',
    boundCodes: '(on the codes of layer {n})',
    sizesOf: '{bits} bits → {units}',
    top: 'top: {prior}',
    topHidden: 'top: {prior} ({n})',
    qualityOf: '{score} / 100',
    qualityRows: { valid: 'on validation rows', test: 'on test rows' },
    none: '—',
    methodNames: { aeries: 'AERIes', ae: 'AE', rbm: 'RBM', 'blm-exact': 'Exact BLM' },
    tops: { rbm: 'RBM', table: 'exact table', bernoulli: 'independent bits' },
    explain: {
      methods:
        'How each layer was trained, from the data upwards: AERIes (the method of the paper) or an RBM (the usual baseline); “stacked RBMs” are models whose every layer is an RBM.',
      sizes:
        'The bits a row is encoded to, then the units of each layer, and the top prior that generates the last layer.',
      loglik:
        'How likely the model finds these rows (nats per row, higher is better). “exact” is computed exactly; otherwise it is an estimate with its standard error (±).',
      bounds:
        'The BLM bound of the model up to each layer, on validation rows: the best log-likelihood the layers above could still reach. Compare it with the validation log-likelihood: the gap is what the layers above and the top prior did not reach.',
      quality: 'How alike its generated rows are to real rows it never trained on, 0 to 100 (higher is better).',
    },
    chart: {
      title: 'Log-likelihood by model',
      yAxis: 'Log-likelihood (nats per row)',
      note: 'The axis does not start at 0, so that small differences show: the taller the bar, the better the model. The table gives the same figures.',
    },
    verdict: {
      aeries:
        'On your data, AERIes ({aeries}) reaches {nats} nats per row more than stacked RBMs ({rbm}) on validation rows.',
      rbm: 'On your data, stacked RBMs ({rbm}) reach {nats} nats per row more than AERIes ({aeries}) on validation rows.',
      close:
        'On your data, AERIes ({aeries}) and stacked RBMs ({rbm}) do about as well on validation rows: they differ by {nats} nats per row, within the uncertainty of the estimates.',
      differentData:
        'AERIes ({aeries}) and stacked RBMs ({rbm}) were not trained on the same rows and columns, so their log-likelihoods cannot be compared. Train both on the same subset to compare them.',
      noValid:
        'AERIes ({aeries}) and stacked RBMs ({rbm}) cannot be compared on validation rows: {model} has none. Keep some rows for validation in the Subset step.',
      best: 'Where there are several models of a kind, the best of each on validation rows is compared.',
    },
  },
  ja: {
    title: 'モデルの比較',
    intro:
      'このプロジェクトのすべてのモデルを並べて示します。対数尤度の単位は1行あたりのナットで、高い（0に近い）ほど良いモデルです。どのモデルも学習に使っていない検証行やテスト行の値で比べてください。',
    model: 'モデル',
    methods: '層ごとの手法',
    sizes: 'サイズ',
    train: '学習行',
    valid: '検証行',
    test: 'テスト行',
    bounds: '層ごとのBLM上界',
    time: '学習時間',
    quality: '品質スコア',
    use: '使用',
    useThis: 'このモデルを使う',
    useLabel: '{model}をサンプルとエクスポートに使う',
    inUse: '使用中',
    outOfDate: '古くなっています',
    staleSince: '学習後の変更: {changes}。',
    opened: 'ファイルから開いたモデル',
    exact: '厳密',
    estimate: '推定',
    bound: '第{n}層: {value}',
    boundRows: '（検証）',
    boundRowsTrain: '（学習）',
    boundCodes: '（第{n}層の符号で）',
    sizesOf: '{bits}ビット → {units}',
    top: '最上位: {prior}',
    topHidden: '最上位: {prior}（{n}）',
    qualityOf: '{score} / 100',
    qualityRows: { valid: '検証行で測定', test: 'テスト行で測定' },
    none: '—',
    methodNames: { aeries: 'AERIes', ae: '自己符号化器', rbm: 'RBM', 'blm-exact': '厳密BLM' },
    tops: { rbm: 'RBM', table: '厳密な表', bernoulli: '独立ビット' },
    explain: {
      methods:
        '各層の学習方法（データに近い層から順に）: AERIes（論文の手法）またはRBM（一般的な比較基準）。すべての層がRBMのモデルを「積み重ねRBM」と呼びます。',
      sizes: '1行を符号化したビット数、各層のユニット数、最後の層を生成する最上位の事前分布です。',
      loglik:
        'モデルがこれらの行をどれだけ起こりやすいと見るか（1行あたりのナット、高いほど良い）。「厳密」は正確に計算した値、それ以外は標準誤差（±）付きの推定値です。',
      bounds:
        '各層までのモデルの検証行でのBLM上界: その上の層がまだ到達できる最良の対数尤度です。検証行の対数尤度と比べると、その差が上の層と最上位の事前分布で届かなかった分です。',
      quality: '生成した行が、学習に使っていない実際の行にどれだけ似ているか（0〜100、高いほど良い）。',
    },
    chart: {
      title: 'モデルごとの対数尤度',
      yAxis: '対数尤度（1行あたりのナット）',
      note: '小さな差が見えるよう、縦軸は0から始まっていません。棒が高いほど良いモデルです。表に同じ数値があります。',
    },
    verdict: {
      aeries:
        'このデータでは、検証行でAERIes（{aeries}）が積み重ねRBM（{rbm}）より1行あたり{nats}ナット高い対数尤度に達しています。',
      rbm: 'このデータでは、検証行で積み重ねRBM（{rbm}）がAERIes（{aeries}）より1行あたり{nats}ナット高い対数尤度に達しています。',
      close:
        'このデータでは、検証行でAERIes（{aeries}）と積み重ねRBM（{rbm}）はほぼ同等です。差は1行あたり{nats}ナットで、推定の不確かさの範囲内です。',
      differentData:
        'AERIes（{aeries}）と積み重ねRBM（{rbm}）は同じ行と列で学習していないため、対数尤度を比べられません。比べるには同じサブセットで両方を学習してください。',
      noValid:
        'AERIes（{aeries}）と積み重ねRBM（{rbm}）は検証行で比べられません。{model}には検証行がありません。サブセットの手順で検証用の行を残してください。',
      best: '同じ種類のモデルが複数ある場合は、検証行で最も良いもの同士を比べています。',
    },
  },
};
