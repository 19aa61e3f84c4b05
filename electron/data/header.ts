/**
 * Column names from a file's header row: blank names become "Column n", repeated ones get a
 * number ("Amount (2)"), and the renaming is reported as an import problem.
 */
import type { ImportProblem } from '../../shared/domain/data.js';

export interface Renamed {
  from: string;
  to: string;
}

/** Names for a file without a header row: Column 1, Column 2, … */
export function defaultHeader(width: number): string[] {
  return Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
}

export function uniqueHeader(raw: string[]): { names: string[]; renamed: Renamed[] } {
  const seen = new Map<string, number>();
  const renamed: Renamed[] = [];
  const names = raw.map((cell, i) => {
    const base = cell.trim() === '' ? `Column ${i + 1}` : cell.trim();
    let name = base;
    let n = seen.get(base) ?? 0;
    while (seen.has(name)) {
      n++;
      name = `${base} (${n + 1})`;
    }
    seen.set(base, n);
    seen.set(name, 0);
    if (name !== cell) renamed.push({ from: cell, to: name });
    return name;
  });
  return { names, renamed };
}

/** The problem that tells which header cells were renamed (none when none was). */
export function renamedProblems(renamed: Renamed[]): ImportProblem[] {
  if (renamed.length === 0) return [];
  const names = renamed
    .slice(0, 5)
    .map((r) => `"${r.from}" → "${r.to}"`)
    .join(', ');
  return [{ code: 'problems.headerRenamed', severity: 'info', params: { count: renamed.length, names }, examples: [] }];
}
