/**
 * `layerwise rules <csv>`: the rules found in a CSV's rows — formulas, orders, thresholds,
 * functions, forbidden combinations, ranges and calendar supports — one per line in plain words
 * (`--lang ja` for Japanese) with the share of rows each holds in and its tolerance, or with
 * --json the rule set `{version, rows, rules: [{rule, rows, held, tolerance}], off, columns}`.
 */
import { AppError } from '../../../shared/domain/errors.js';
import { catalogTranslator, ruleText } from '../../../shared/i18n/rules-text.js';
import { detectRules, importCsv } from '../../data/index.js';
import { parse, printJson, type Command } from '../command.js';
import { memoryBudgetFromEnv } from '../../platform/paths.js';
import { csvOptionSpec, csvOptionUsage, csvOverrides } from '../csv-options.js';

const options = { json: { type: 'boolean' }, lang: { type: 'string' }, ...csvOptionSpec } as const;

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'list the rules found in the rows of a CSV (formulas, orders, allowed combinations, ranges)',
  usage: `Usage: layerwise rules <csv> [--json] [--lang en|ja]

Prints each rule found in the rows — a number computed from others, an order between columns,
a category that is a threshold or a function of other columns, combinations that never occur,
ranges and calendar supports — with the share of rows it holds in and its tolerance. A rule
must hold in every row (one miss in a thousand is allowed for formulas and orders found on
1,000 rows or more). Training finds them on its training rows and keeps them in generated rows.

${csvOptionUsage}`,
  async run(argv) {
    const { values, positionals } = parse(argv, options);
    const [csv] = positionals;
    if (!csv) throw new AppError('cli.missingArgument', { what: 'the CSV file', command: 'rules' });
    const lang = values.lang ?? 'en';
    if (lang !== 'en' && lang !== 'ja') throw new AppError('cli.badArguments', { message: '--lang: give en or ja' });
    const ds = await importCsv(csv, { overrides: csvOverrides(values), memoryBudgetBytes: memoryBudgetFromEnv() });
    const set = detectRules(ds, null);
    if (values.json) {
      printJson(set);
      return 0;
    }
    const t = catalogTranslator(lang);
    const lines = set.rules.map((r) => {
      const share = r.rows > 0 ? ((100 * r.held) / r.rows).toFixed(r.held === r.rows ? 0 : 2) : '100';
      const tolerance = r.tolerance > 0 ? `, ±${r.tolerance}` : '';
      return `${r.rule.key.padEnd(32)} ${ruleText(r.rule, t, lang, set.columns)}  (${share}% of ${r.rows} rows${tolerance})`;
    });
    process.stdout.write(`${[`${set.rules.length} rules in ${set.rows} rows`, ...lines].join('\n')}\n`);
    return 0;
  },
};
