import { Command } from 'commander';
import { RuleSetError } from '../src/load/problem.ts';
import { registerCheck } from './commands/check.ts';
import { registerCoverage } from './commands/coverage.ts';
import { registerDecide } from './commands/decide.ts';
import { registerLawTransfer } from './commands/law-transfer.ts';
import { registerPopulation } from './commands/population.ts';
import { registerQuestions } from './commands/questions.ts';
import { registerServerAdmin } from './commands/server-admin.ts';
import { registerSimulate } from './commands/simulate.ts';
import { registerStale } from './commands/stale.ts';
import { registerTest } from './commands/test.ts';
import { registerValidate } from './commands/validate.ts';
import { CliError, errorText } from './io.ts';

/** The `reintegra` command line: a thin door over the core library. */
export function buildProgram(): Command {
  const program = new Command('reintegra')
    .description('Rules as code for Polish social-employment law')
    .option('--rules <dir>', 'rules folder (default: the bundled rules/, or $REINTEGRA_RULES)')
    .option(
      '--database <file|url>',
      "a server's database, its SQLite file or a postgres:// URL (or $DATABASE_URL, $DATABASE_PATH): the law is read from it as the server does",
    )
    .showHelpAfterError();
  registerTest(program);
  registerDecide(program);
  registerValidate(program);
  registerCheck(program);
  registerQuestions(program);
  registerCoverage(program);
  registerServerAdmin(program);
  registerSimulate(program);
  registerPopulation(program);
  registerLawTransfer(program);
  registerStale(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof CliError || e instanceof RuleSetError) {
      process.stderr.write(`reintegra: ${e.message}\n`);
      process.exitCode = e instanceof CliError ? e.exitCode : 1;
      return;
    }
    process.stderr.write(`reintegra: ${errorText(e)}\n`);
    process.exitCode = 2;
  }
}
