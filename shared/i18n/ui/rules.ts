/**
 * UI strings of the rules found in the data (English and Japanese): the Data step's rules
 * panel and each kind of rule in plain words (`shared/i18n/rules-text.ts` fills them in).
 * Both languages have the same keys and placeholders (a test checks).
 */
export const rulesUi = {
  en: {
    title: 'Rules found in the data',
    intro:
      'Relations that hold in the rows read ({rows} rows). Ticked rules are kept in every generated row; untick any you do not want kept.',
    none: 'No rules found in these rows.',
    loading: 'Looking for rules…',
    share: 'holds in {share} of {rows} rows',
    tolerance: 'tolerance ±{tolerance}',
    keep: 'Keep this rule',
    kept: '{kept} of {total} rules kept',
    stale: 'changed the rules kept',
    kind: {
      formula: 'Formula',
      order: 'Order',
      threshold: 'Threshold',
      function: 'Function',
      pairs: 'Combinations',
      range: 'Range',
      calendar: 'Calendar',
    },
    formula: '{target} is always {expr}',
    days: 'in days',
    order: '{a} {op} {b} in every row',
    threshold: '{column} is {level} exactly when {number} {op} {threshold}',
    function: 'each {from} comes with one {to} ({count} values)',
    pairs: '{a} and {b} never occur as {list}',
    range: '{column} is between {min} and {max}',
    months: '{column} falls only in {months}',
    weekdays: '{column} falls only on {days}',
    and: ' and ',
  },
  ja: {
    title: 'データから見つけたルール',
    intro:
      '読み込んだ行（{rows} 行）で成り立つ関係です。チェックしたルールは生成するすべての行で守られます。守らせたくないルールはチェックを外してください。',
    none: 'この行にはルールが見つかりませんでした。',
    loading: 'ルールを探しています…',
    share: '{rows} 行中 {share} で成立',
    tolerance: '許容差 ±{tolerance}',
    keep: 'このルールを守る',
    kept: '{total} 件中 {kept} 件のルールを守る',
    stale: '守るルールを変更',
    kind: {
      formula: '計算式',
      order: '大小関係',
      threshold: 'しきい値',
      function: '対応関係',
      pairs: '組み合わせ',
      range: '範囲',
      calendar: 'カレンダー',
    },
    formula: '{target} は常に {expr}',
    days: '日数',
    order: 'すべての行で {a} {op} {b}',
    threshold: '{number} {op} {threshold} のときに限り {column} は {level}',
    function: '{from} ごとに {to} は一つに決まる（{count} 通り）',
    pairs: '{a} と {b} の組み合わせ {list} は現れない',
    range: '{column} は {min} から {max} の間',
    months: '{column} は {months} のみ',
    weekdays: '{column} は {days} のみ',
    and: '、',
  },
};
