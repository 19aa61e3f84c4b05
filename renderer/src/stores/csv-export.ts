/**
 * How the Export step writes generated rows as CSV: the character set (by default following the
 * UI language — Shift-JIS/CP932 in Japanese, UTF-8 with BOM otherwise, until the user picks one),
 * the delimiter and the formula guard; and a refusal because CP932 cannot write a value, which
 * the step answers by offering UTF-8 with BOM.
 */
import { defineStore } from 'pinia';
import { toErrorPayload } from '../../../shared/domain/errors.js';
import type { CsvDelimiter, CsvEncoding, CsvFormat } from '../../../shared/domain/samples.js';
import { currentLocale } from '../i18n/index.js';

/**
 * Japanese Excel opens Shift-JIS in every version and many Japanese business systems read only
 * it; every Excel opens UTF-8 with a BOM (without it, Excel reads UTF-8 as the local code page).
 */
export function defaultEncoding(locale: string): CsvEncoding {
  return locale === 'ja' ? 'cp932' : 'utf8-bom';
}

export const useCsvExportStore = defineStore('csvExport', {
  state: () => ({
    /** The user's choice; null follows the UI language. */
    chosenEncoding: null as CsvEncoding | null,
    delimiter: ',' as CsvDelimiter,
    formulaGuard: true,
    /** The last export was refused because CP932 cannot write a value. */
    cp932Refused: false,
  }),
  // No getter reads the UI language: a getter sets the active Pinia whenever it is evaluated,
  // and one that follows a global (the locale) would be evaluated outside its app. Components
  // show `defaultEncoding(locale)` themselves.
  actions: {
    format(): CsvFormat {
      const encoding = this.chosenEncoding ?? defaultEncoding(currentLocale());
      return { encoding, delimiter: this.delimiter, formulaGuard: this.formulaGuard };
    },
    /** Notes whether an export failed for want of CP932 (the error itself goes to the banner). */
    onResult(err: unknown) {
      this.cp932Refused = err !== null && toErrorPayload(err).code.startsWith('export.cp932');
    },
  },
});
