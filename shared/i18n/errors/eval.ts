/** Error messages of evaluation and experiments (English and Japanese). Placeholders: {name}. */
export const evalErrors = {
  en: {} as Record<string, string>,
  ja: {} as Record<string, string>,
};
