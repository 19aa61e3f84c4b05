/** Two-valued columns: the pairs of tokens people use for yes and no, in English and Japanese. */

export const BOOLEAN_PAIRS: [string, string][] = [
  ['true', 'false'],
  ['yes', 'no'],
  ['y', 'n'],
  ['t', 'f'],
  ['1', '0'],
  ['はい', 'いいえ'],
  ['有', '無'],
  ['あり', 'なし'],
  ['○', '×'],
  ['〇', '×'],
  ['◯', '×'],
  ['on', 'off'],
  ['ja', 'nein'],
  ['oui', 'non'],
  ['si', 'no'],
];

/** The pair a set of distinct values belongs to (case-insensitive), with the file's own spelling. */
export function booleanPair(distinct: Iterable<string>): { trueToken: string; falseToken: string } | null {
  const values = [...distinct];
  if (values.length === 0 || values.length > 2) return null;
  const lower = values.map((v) => v.trim().toLowerCase());
  for (const [t, f] of BOOLEAN_PAIRS) {
    if (lower.every((v) => v === t || v === f)) {
      const trueToken = values[lower.indexOf(t)] ?? t;
      const falseToken = values[lower.indexOf(f)] ?? f;
      return { trueToken: trueToken.trim(), falseToken: falseToken.trim() };
    }
  }
  return null;
}

export function parseBoolean(value: string, pair: { trueToken: string; falseToken: string }): boolean | null {
  const v = value.trim().toLowerCase();
  if (v === pair.trueToken.toLowerCase()) return true;
  if (v === pair.falseToken.toLowerCase()) return false;
  return null;
}
