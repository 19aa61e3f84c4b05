/**
 * UI strings of identifiers found by their values (English and Japanese): the evidence shown
 * under a column's role in the Data step. Placeholders: {distinct}, {example}. Both languages
 * have the same keys (a test checks).
 */
export const identifiersUi = {
  en: {
    unique:
      'Almost every value is different ({distinct} values, e.g. {example}); new ones are generated, never a real one.',
    keyPattern:
      'Values shaped like keys (e.g. {example}), {distinct} different; new ones are generated, never a real one.',
    zeroPadded:
      'Numbers written with leading zeros (e.g. {example}), {distinct} different; new ones are generated, never a real one.',
  },
  ja: {
    unique: 'ほぼすべての値が異なります（{distinct} 種類、例: {example}）。生成時は実在しない新しい値を作ります。',
    keyPattern: 'キーの形をした値です（例: {example}、{distinct} 種類）。生成時は実在しない新しい値を作ります。',
    zeroPadded: '先頭に 0 のある番号です（例: {example}、{distinct} 種類）。生成時は実在しない新しい値を作ります。',
  },
};
