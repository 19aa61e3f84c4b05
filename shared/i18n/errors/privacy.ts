/** Error messages of the privacy evidence (English and Japanese). Placeholders: none. */
export const privacyErrors: { en: Record<string, string>; ja: Record<string, string> } = {
  en: {
    'privacy.noRealRows':
      'The privacy check compares generated rows with the rows the model was trained on, and this model was opened without them. Train the model again on your data, or open the project with its data file.',
  },
  ja: {
    'privacy.noRealRows':
      'プライバシーの確認では、生成した行をモデルの学習に使った行と比べますが、このモデルは学習データなしで開かれています。データでモデルを学習し直すか、データファイルと一緒にプロジェクトを開いてください。',
  },
};
