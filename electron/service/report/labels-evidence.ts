/**
 * The report's words for its quality and privacy sections (English and Japanese, the same keys),
 * spread into `labels-en.ts` and `labels-ja.ts`. The sections' other words are the Samples
 * step's (`shared/i18n/ui/quality.ts`, `privacy.ts`), so the report says what the panels say.
 */
export const evidenceLabels = {
  en: {
    qualitySection: 'Quality of the generated rows',
    privacySection: 'Privacy of the generated rows',
    evidenceNoRealRows:
      'Not computed: the real rows this model was trained on are not loaded (a model opened on its own, or data that changed since). Open the project with its data to add this section.',
    evidenceFailed: 'Not computed: the check could not run on this model ({reason}).',
    evidenceNotComputed: 'Not computed for this report.',
    evidenceSeed: 'Rows generated with seed {seed}.',
    verdictLabel: 'Verdict',
    scoresChart: 'Scores (%) next to their references',
    part: 'Part',
    percent: '%',
    level: 'Level',
    threshold: 'Check and the threshold used',
  },
  ja: {
    qualitySection: '生成した行の品質',
    privacySection: '生成した行のプライバシー',
    evidenceNoRealRows:
      '計算していません: このモデルが学習した実データの行が読み込まれていません (モデルを単独で開いたか、データが学習後に変わりました)。この節を加えるには、プロジェクトをそのデータとともに開いてください。',
    evidenceFailed: '計算していません: このモデルではチェックを実行できませんでした ({reason})。',
    evidenceNotComputed: 'このレポートでは計算していません。',
    evidenceSeed: 'シード {seed} で生成した行です。',
    verdictLabel: '判定',
    scoresChart: 'スコア (%) と基準',
    part: '項目',
    percent: '%',
    level: '水準',
    threshold: '確認内容と使ったしきい値',
  },
};
