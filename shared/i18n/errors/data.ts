/** Error and import-problem messages of the data layer (English and Japanese). Placeholders: {name}. */
export const dataErrors = {
  en: {} as Record<string, string>,
  ja: {} as Record<string, string>,
};
