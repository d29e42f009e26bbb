import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { openDatabase } from '../../server/db/open.ts';
import { parseEnv } from '../../server/env.ts';
import { verifyAudit } from '../../server/store/audit.ts';
import { addUser, createToken, PeopleError } from '../../server/store/people.ts';
import { CliError } from '../io.ts';

/** The database the server uses: DATABASE_PATH, parsed like the server parses it. */
function database() {
  return openDatabase(parseEnv().DATABASE_PATH);
}

async function guarded<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof PeopleError) throw new CliError(e.message);
    throw e;
  }
}

/** `user add`, `token create` and `audit verify`, on the database that DATABASE_PATH names. */
export function registerServerAdmin(program: Command): void {
  const user = program.command('user').description('People who sign in to the admin UI (database from DATABASE_PATH)');
  user
    .command('add')
    .description('Add a user; the password is read from standard input')
    .requiredOption('--name <name>', 'sign-in name')
    .requiredOption('--role <role>', 'editor, reviewer, caseworker, analyst or admin')
    .action(async (opts: { name: string; role: string }) => {
      const password = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
      const db = database();
      try {
        await guarded(() => addUser(db, { name: opts.name, role: opts.role, password }, 'cli'));
        process.stderr.write(`user ${opts.name} (${opts.role}) added\n`);
      } finally {
        db.$client.close();
      }
    });

  program
    .command('token')
    .description('API tokens for systems (database from DATABASE_PATH)')
    .command('create')
    .description('Create a token; prints only the token, once, on stdout')
    .requiredOption('--name <name>', 'what the token is for')
    .requiredOption('--role <role>', 'editor, reviewer, caseworker, analyst or admin')
    .action(async (opts: { name: string; role: string }) => {
      const db = database();
      try {
        const token = await guarded(() => createToken(db, opts, 'cli'));
        process.stdout.write(`${token}\n`);
      } finally {
        db.$client.close();
      }
    });

  program
    .command('audit')
    .description('The audit log (database from DATABASE_PATH)')
    .command('verify')
    .description('Check the hash chain; name the first broken entry')
    .action(() => {
      const db = database();
      try {
        const r = verifyAudit(db);
        if (!r.ok) throw new CliError(`audit chain broken at entry ${r.seq}: ${r.reason}`);
        process.stdout.write(`audit chain intact: ${r.entries} entries\n`);
      } finally {
        db.$client.close();
      }
    });
}
