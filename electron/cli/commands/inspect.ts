/**
 * `layerwise inspect <csv>`: what the import sees — text encoding, delimiter, header, rows,
 * each column's inferred type, missing and distinct counts — and the problems found. With
 * --json the exact shape `{encoding, delimiter, header, rows, columns, problems}` on stdout.
 */
import { AppError } from '../../../shared/domain/errors.js';
import { importCsv } from '../../data/index.js';
import { parse, printJson, type Command } from '../command.js';
import { memoryBudgetFromEnv } from '../../platform/paths.js';
import { csvOptionSpec, csvOptionUsage, csvOverrides } from '../csv-options.js';
import { interpolate } from '../../../shared/i18n/format.js';
import { dataErrors } from '../../../shared/i18n/errors/data.js';

const options = { json: { type: 'boolean' }, ...csvOptionSpec } as const;

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'show the detected format and column types of a CSV',
  usage: `Usage: layerwise inspect <csv> [--json]

Prints the detected text encoding, delimiter and header, the number of rows, each column's
type with its missing and distinct counts, and any problems (ragged rows, renamed headers,
excluded columns). Exits non-zero with a one-line message when the file cannot be used.

${csvOptionUsage}`,
  async run(argv) {
    const { values, positionals } = parse(argv, options);
    const [csv] = positionals;
    if (!csv) throw new AppError('cli.missingArgument', { what: 'the CSV file', command: 'inspect' });
    const ds = await importCsv(csv, { overrides: csvOverrides(values), memoryBudgetBytes: memoryBudgetFromEnv() });
    const info = ds.info;
    const result = {
      encoding: info.options.encoding,
      delimiter: info.options.delimiter,
      header: info.options.header,
      rows: info.fileRows,
      columns: info.columns.map((c) => ({ name: c.name, type: c.type, missing: c.missing, distinct: c.distinct })),
      problems: info.problems.map((p) => ({
        code: p.code,
        severity: p.severity,
        message: interpolate(dataErrors.en[p.code] ?? p.code, p.params),
        examples: p.examples,
      })),
    };
    if (values.json) {
      printJson(result);
      return 0;
    }
    const delimiterName = result.delimiter === '\t' ? 'tab' : result.delimiter;
    const lines = [
      `File:      ${info.fileName} (${info.bytes} bytes)`,
      `Encoding:  ${result.encoding}   Delimiter: ${delimiterName}   Header: ${result.header ? 'yes' : 'no'}   Rows: ${result.rows}${info.sampledOnImport ? ` (${info.rows} kept in memory, a random sample)` : ''}`,
      '',
      ...table(
        ['#', 'column', 'type', 'used', 'missing', 'distinct'],
        info.columns.map((c) => [
          String(c.index + 1),
          c.name,
          c.type,
          c.include ? 'yes' : `no (${c.excludedReason})`,
          String(c.missing),
          String(c.distinct),
        ]),
      ),
    ];
    if (result.problems.length > 0)
      lines.push('', 'Notes:', ...result.problems.map((p) => `  [${p.severity}] ${p.message}`));
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r: string[]) => r.map((c, j) => c.padEnd(widths[j])).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
