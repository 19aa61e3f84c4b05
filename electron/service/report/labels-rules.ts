/**
 * The report's words for its section on the rules found in the data (English and Japanese, the
 * same keys), spread into `labels-en.ts` and `labels-ja.ts`. Each rule in plain words, its share
 * of training rows and its tolerance are the Data step's rules panel's (`shared/i18n/ui/rules.ts`).
 */
export const rulesLabels = {
  en: {
    rulesSection: 'Rules found in the data',
    rulesNone: 'No rules were found in the rows this model was trained on.',
    rulesIntro:
      '{total} rules hold in the training rows; {kept} are kept by generation (accepted) and {off} were turned off by the user.',
    rulesGenerated:
      'Violation rates measured on {rows} rows generated with seed {seed}, as the preview generates them.',
    rulesNotMeasured: 'Violation rates in generated rows were not measured for this report.',
    ruleCol: 'Rule',
    ruleStatusCol: 'Status',
    ruleTrainingCol: 'In the training rows',
    ruleGeneratedCol: 'Broken in generated rows',
    ruleAccepted: 'Accepted',
    ruleOff: 'Turned off by the user',
    ruleBroken: '{rate} ({violated} of {rows} rows)',
  },
  ja: {
    rulesSection: 'データから見つけたルール',
    rulesNone: 'このモデルが学習した行にはルールが見つかりませんでした。',
    rulesIntro:
      '学習した行で成り立つルールは {total} 件です。{kept} 件は生成で守られ（採用）、{off} 件は利用者が外しました。',
    rulesGenerated: '違反率は、プレビューと同じ方法でシード {seed} で生成した {rows} 行で測りました。',
    rulesNotMeasured: 'このレポートでは生成した行での違反率を測っていません。',
    ruleCol: 'ルール',
    ruleStatusCol: '状態',
    ruleTrainingCol: '学習した行での成立',
    ruleGeneratedCol: '生成した行での違反',
    ruleAccepted: '採用',
    ruleOff: '利用者が外した',
    ruleBroken: '{rate}（{rows} 行中 {violated} 行）',
  },
};
