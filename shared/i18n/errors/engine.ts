/** Error messages of the engine and the model file (English and Japanese). Placeholders: {name}. */
export const engineErrors = {
  en: {} as Record<string, string>,
  ja: {} as Record<string, string>,
};
