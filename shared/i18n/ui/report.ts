/**
 * UI strings of the report export (English and Japanese): the PDF button (desktop: a PDF file;
 * web host: the report opened in a new tab to print or save as PDF) and where it went.
 * Placeholders: {file}. Both languages have the same keys (a test checks).
 */
export const reportUi = {
  en: {
    pdf: 'Save the report as PDF…',
    print: 'Print / save as PDF…',
    printHint: 'Opens the report in a new tab: use the browser’s Print to print it or save it as PDF.',
    opened: 'Opened {file} in a new tab: print it or save it as PDF from there',
  },
  ja: {
    pdf: 'レポートを PDF で保存…',
    print: '印刷 / PDF で保存…',
    printHint: 'レポートを新しいタブで開きます。ブラウザーの印刷から印刷するか PDF で保存してください。',
    opened: '{file} を新しいタブで開きました。そこから印刷するか PDF で保存してください',
  },
} as const;
