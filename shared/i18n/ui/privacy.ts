/**
 * UI strings of the privacy panel (Samples step) and of rows dropped as too close to a real one
 * (Samples and Export), English and Japanese. Percentages and distances arrive formatted.
 * Placeholders are named in braces; both languages use the same ones (a test checks).
 */
export const privacyUi = {
  en: {
    title: 'Privacy',
    intro:
      'Are generated rows copies of, or suspiciously close to, the rows the model trained on? They are compared with real rows the model never saw (held-out rows): generated rows should be no closer to the training rows than those are.',
    check: 'Check privacy',
    checking: 'Comparing rows: {done} %',
    cancel: 'Cancel',
    about:
      'The first {rows} rows generated with seed {seed}, against {training} training rows and {holdout} held-out rows.',
    sampled: 'Distances use a random sample of {used} of the {of} {what}.',
    what: { synthetic: 'generated rows', training: 'training rows', holdout: 'held-out rows' },
    verdict: {
      good: 'Generated rows are no closer to the training rows than real rows the model never saw.',
      caution:
        'Some generated rows sit closer to training rows than fresh real rows do. See the checks below, and consider dropping rows too close.',
      concern:
        'Generated rows copy or single out training rows. Do not share them as they are: drop rows too close, or train with more rows or fewer epochs.',
    },
    level: { good: 'Fine', caution: 'Look closer', concern: 'Concern' },
    checks: 'Checks and the thresholds used',
    checkText: {
      exactCopies:
        '{value} of generated rows are exact copies of a training row; {reference} of held-out rows are too. Fine when the generated share is at most the held-out share + {good}; look closer up to + {caution}.',
      closerShare:
        '{value} of generated rows are closer to a training row than to a held-out row (50 % is ideal: the model does not favour the rows it trained on; compared with as many training rows as held-out rows, averaged over up to 4 such draws when held-out rows are few). Fine up to {good}; look closer up to {caution}.',
      dcr: 'The 5 % closest generated rows are within {value} of a training row; the 5 % closest held-out rows within {reference}. Fine when generated rows are at least {good} times as far.',
      nndr: 'Nearest-neighbour ratio (distance to the closest training row ÷ to the second closest), 5th percentile: {value} for generated rows, {reference} for held-out rows. A low ratio singles out one training row. Fine at {good} times the held-out value or more.',
      identifiers: '{value} generated identifiers equal a real one. Fine at 0.',
    },
    noHoldout: 'There are no held-out rows (the subset keeps none for testing): only what needs none is checked.',
    figures: 'Figures',
    exactCopies: 'Exact copies of a training row',
    closerShare: 'Closer to a training row than to a held-out row',
    dcrMedian: 'Median distance to the closest training row',
    nndrMedian: 'Median nearest-neighbour ratio',
    generatedCol: 'Generated rows',
    holdoutCol: 'Held-out real rows',
    figureCol: 'Figure',
    ideal: '{value} is ideal',
    countRate: '{count} of {total} ({rate})',
    chart: 'Distance to the closest training row',
    chartLabel: 'Share of rows by distance to the closest training row: generated rows against held-out real rows',
    chartCaption: 'Share of rows by distance to the closest training row',
    binCol: 'Distance',
    distanceNote:
      'Distance: the average over the columns of the gap between two rows — for numbers and dates the difference as a share of the training range (at most 1), for categories 0 if equal and 1 if not; a missing value is 0 from another missing value and 1 from anything else. 0 is an exact copy.',
    replaced: 'Replaced, not learnt',
    identifiers:
      '{name}: its {real} real values are replaced by fresh identifiers; {equal} of {generated} generated ones equal a real one.',
    rareValues:
      '{name}: {values} rare values (seen fewer than {min} times, in {rows} rows) are grouped as “(other)”, never stored.',
    noneReplaced: 'No identifier column, and no rare value grouped.',
    drop: 'Drop generated rows too close to a real one',
    dropHelp:
      'Rows whose distance to the closest training row is at most {threshold} (the 5 % closest held-out rows are this close) are dropped from the preview and the export.',
    dropHelpExact: 'Rows that are exact copies of a training row are dropped from the preview and the export.',
    dropped:
      '{count} of {total} generated rows were dropped as too close to a real one (distance at most {threshold}).',
    exportDropped:
      '{count} of {total} rows were dropped as too close to a real one (distance at most {threshold}): the file holds {written} rows.',
  },
  ja: {
    title: 'プライバシー',
    intro:
      '生成した行は、モデルの学習に使った行のコピーだったり、不自然に近かったりしないでしょうか。モデルが一度も見ていない実データの行 (ホールドアウト行) と比べます。生成した行は、学習行に対してそれらより近くてはいけません。',
    check: 'プライバシーを確認',
    checking: '行を比較中: {done} %',
    cancel: 'キャンセル',
    about:
      'シード {seed} で生成した最初の {rows} 行を、学習行 {training} 行とホールドアウト行 {holdout} 行と比べました。',
    sampled: '距離の計算には {of} 行の{what}から無作為に選んだ {used} 行を使いました。',
    what: { synthetic: '生成行', training: '学習行', holdout: 'ホールドアウト行' },
    verdict: {
      good: '生成した行は、モデルが見ていない実データの行と比べて学習行に近くありません。',
      caution:
        '一部の生成行が、新しい実データの行よりも学習行に近くなっています。下の確認項目を見て、近すぎる行を除くことを検討してください。',
      concern:
        '生成した行が学習行をコピーしているか、特定の学習行を特定できる状態です。このまま共有せず、近すぎる行を除くか、より多くの行または少ないエポックで学習し直してください。',
    },
    level: { good: '問題なし', caution: '要確認', concern: '懸念あり' },
    checks: '確認項目と使ったしきい値',
    checkText: {
      exactCopies:
        '生成行の {value} が学習行の完全なコピーです。ホールドアウト行では {reference} です。生成行の割合がホールドアウト行の割合 + {good} 以下なら問題なし、+ {caution} までは要確認です。',
      closerShare:
        '生成行の {value} が、ホールドアウト行よりも学習行に近くなっています (理想は 50 %: モデルが学習行をひいきしていない状態。ホールドアウト行と同じ数の学習行と比較。ホールドアウト行が少ないときは最大 4 回の抽出の平均)。{good} までなら問題なし、{caution} までは要確認です。',
      dcr: '学習行に最も近い 5 % の生成行は距離 {value} 以内、ホールドアウト行では {reference} 以内です。生成行がその {good} 倍以上離れていれば問題なしです。',
      nndr: '最近傍距離比 (最も近い学習行までの距離 ÷ 2 番目に近い学習行までの距離) の 5 パーセンタイル: 生成行 {value}、ホールドアウト行 {reference}。比が小さいと特定の学習行を指し示します。ホールドアウト行の値の {good} 倍以上なら問題なしです。',
      identifiers: '生成した識別子のうち {value} 件が実データの識別子と一致しました。0 件なら問題なしです。',
    },
    noHoldout:
      'ホールドアウト行がありません (サブセットにテスト用の行がありません)。それを必要としない項目だけを確認しました。',
    figures: '数値',
    exactCopies: '学習行の完全なコピー',
    closerShare: 'ホールドアウト行より学習行に近い行',
    dcrMedian: '最も近い学習行までの距離の中央値',
    nndrMedian: '最近傍距離比の中央値',
    generatedCol: '生成行',
    holdoutCol: 'ホールドアウトの実データ行',
    figureCol: '項目',
    ideal: '理想は {value}',
    countRate: '{total} 行中 {count} 行 ({rate})',
    chart: '最も近い学習行までの距離',
    chartLabel: '最も近い学習行までの距離ごとの行の割合: 生成行とホールドアウトの実データ行',
    chartCaption: '最も近い学習行までの距離ごとの行の割合',
    binCol: '距離',
    distanceNote:
      '距離: 2 行の差を列ごとに求めた平均です。数値と日付は学習行の範囲に対する差の割合 (最大 1)、カテゴリは同じなら 0、違えば 1、欠損値は欠損値同士なら 0、それ以外とは 1 です。0 は完全なコピーです。',
    replaced: '学習せずに置き換えたもの',
    identifiers:
      '{name}: 実データの {real} 個の値は新しい識別子に置き換えています。生成した {generated} 件のうち実データと一致したのは {equal} 件です。',
    rareValues:
      '{name}: まれな値 {values} 種類 ({min} 回未満しか現れず、{rows} 行にあるもの) は「(other)」にまとめ、保存していません。',
    noneReplaced: '識別子の列はなく、まとめたまれな値もありません。',
    drop: '実データに近すぎる生成行を除く',
    dropHelp:
      '最も近い学習行までの距離が {threshold} 以下の行 (ホールドアウト行のうち最も近い 5 % がこの距離) を、プレビューとエクスポートから除きます。',
    dropHelpExact: '学習行の完全なコピーである行を、プレビューとエクスポートから除きます。',
    dropped: '生成した {total} 行のうち {count} 行を、実データに近すぎるため除きました (距離 {threshold} 以下)。',
    exportDropped:
      '{total} 行のうち {count} 行を、実データに近すぎるため除きました (距離 {threshold} 以下)。ファイルには {written} 行があります。',
  },
};
