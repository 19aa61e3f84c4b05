/**
 * `layerwise` command-line entry: dispatches to one module per command. Errors are printed
 * as one translated line on stderr with a non-zero exit code; results go to stdout.
 */
import { AppError } from '../../shared/domain/errors.js';
import type { Command } from './command.js';
import { reportError } from './command.js';
import { inspectCommand } from './commands/inspect.js';
import { trainCommand } from './commands/train.js';
import { sampleCommand } from './commands/sample.js';
import { evaluateCommand } from './commands/evaluate.js';
import { experimentCommand } from './commands/experiment.js';
import { selectLayerCommand } from './commands/select-layer.js';
import { projectCommand } from './commands/project.js';
import { reportCommand } from './commands/report.js';
import { rulesCommand } from './commands/rules.js';

export const commands: Command[] = [
  inspectCommand,
  rulesCommand,
  trainCommand,
  sampleCommand,
  evaluateCommand,
  experimentCommand,
  selectLayerCommand,
  projectCommand,
  reportCommand,
];

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Layerwise Studio command line: deep generative models of CSV data, trained layer by layer.',
    '',
    'Usage: layerwise <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "layerwise <command> --help" for the options of a command.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${helpText()}\n`);
    return name ? 0 : 1;
  }
  if (name === '--version') {
    const { appVersion } = await import('../platform/app-version.js');
    process.stdout.write(`${appVersion()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  try {
    if (!command) throw new AppError('cli.unknownCommand', { command: name });
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    return await command.run(rest);
  } catch (err) {
    return reportError(err);
  }
}
