/**
 * Ragged rows: rows with fewer or more fields than the header. They are counted with a few
 * examples (line and text) for the import's problems, and padded with empty fields or cut to
 * the header's width, or skipped, as the ragged-row policy says.
 */
import type { ImportProblem, RaggedPolicy } from '../../shared/domain/data.js';

const MAX_EXAMPLES = 5;

/** A ragged row padded with empty fields or cut to `width` (the "pad" policy). */
export function fitWidth(row: string[], width: number): string[] {
  return row.length < width ? [...row, ...Array<string>(width - row.length).fill('')] : row.slice(0, width);
}

/** The ragged rows of one pass: counts and the first examples, by too few and too many fields. */
export class RaggedRows {
  tooFewCount = 0;
  tooManyCount = 0;
  readonly tooFew: { line: number; text: string }[] = [];
  readonly tooMany: { line: number; text: string }[] = [];

  /** Counts a ragged row (its fields as read) starting on `line`. */
  note(row: string[], line: number, width: number, delimiter: string): void {
    const example = { line, text: row.join(delimiter).slice(0, 200) };
    if (row.length < width) {
      this.tooFewCount++;
      if (this.tooFew.length < MAX_EXAMPLES) this.tooFew.push(example);
    } else {
      this.tooManyCount++;
      if (this.tooMany.length < MAX_EXAMPLES) this.tooMany.push(example);
    }
  }

  get count(): number {
    return this.tooFewCount + this.tooManyCount;
  }

  /** The import problems that report them, with what the policy did to them. */
  problems(policy: RaggedPolicy, width: number): ImportProblem[] {
    const done = policy === 'skip' ? 'skipped' : 'padded';
    const problems: ImportProblem[] = [];
    if (this.tooFewCount > 0)
      problems.push({
        code: `problems.tooFewFields.${done}`,
        severity: 'warning',
        params: { count: this.tooFewCount, expected: width },
        examples: this.tooFew,
      });
    if (this.tooManyCount > 0)
      problems.push({
        code: `problems.tooManyFields.${done}`,
        severity: 'warning',
        params: { count: this.tooManyCount, expected: width },
        examples: this.tooMany,
      });
    return problems;
  }
}
