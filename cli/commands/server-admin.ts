import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseEnv } from '../../server/env.ts';
import { verifyAudit } from '../../server/store/audit.ts';
import { openStore, type Store } from '../../server/store/open-store.ts';
import { addUser, createToken, PeopleError } from '../../server/store/people.ts';
import { findTokens, listTokens, revokeToken, tokenState } from '../../server/store/tokens.ts';
import { CliError } from '../io.ts';
import { serverEnv } from '../server-database.ts';

/**
 * Runs `work` on the database the server uses (--database, else DATABASE_URL or DATABASE_PATH), opened as the
 * server opens it: the same key, the same anchor.
 */
async function withStore<T>(program: Command, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(serverEnv(program));
  try {
    return await work(store);
  } catch (e) {
    if (e instanceof PeopleError) throw new CliError(e.message);
    throw e;
  } finally {
    await store.close();
  }
}

/** A whole number of days from 1, for --days. */
function days(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`--days must be a whole number of days, not ${value}`);
  return n;
}

/** `user add`, `token create|list|revoke` and `audit verify`, on the database that DATABASE_URL or DATABASE_PATH names. */
export function registerServerAdmin(program: Command): void {
  const user = program
    .command('user')
    .description('People who sign in to the admin UI (database from --database, DATABASE_URL or DATABASE_PATH)');
  user
    .command('add')
    .description('Add a user; the password is read from standard input')
    .requiredOption('--name <name>', 'sign-in name')
    .requiredOption('--role <role>', 'editor, reviewer, caseworker, analyst, supervisor or admin')
    .option('--office <office>', 'the office the user works in (a supervisor reads its receipts)')
    .action(async (opts: { name: string; role: string; office?: string }) => {
      const password = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
      await withStore(program, ({ db }) =>
        addUser(db, { name: opts.name, role: opts.role, password, office: opts.office ?? null }, 'cli'),
      );
      process.stderr.write(`user ${opts.name} (${opts.role}${opts.office ? `, ${opts.office}` : ''}) added\n`);
    });

  const token = program
    .command('token')
    .description('API tokens for systems (database from --database, DATABASE_URL or DATABASE_PATH)');
  token
    .command('create')
    .description('Create a token; prints only the token, once, on stdout')
    .requiredOption('--name <name>', 'what the token is for')
    .requiredOption('--role <role>', 'editor, reviewer, caseworker, analyst, supervisor or admin')
    .option('--days <days>', 'how long it lives (default TOKEN_DAYS, 90)')
    .action(async (opts: { name: string; role: string; days?: string }) => {
      const lifetime = opts.days === undefined ? parseEnv().TOKEN_DAYS : days(opts.days);
      const secret = await withStore(program, ({ db }) =>
        createToken(db, { name: opts.name, role: opts.role, days: lifetime }, 'cli'),
      );
      process.stdout.write(`${secret}\n`);
    });
  token
    .command('list')
    .description('Every token: id, name, role, state, expiry and last use (never the token itself)')
    .action(() =>
      withStore(program, async ({ db }) => {
        const rows = (await listTokens(db)).map((t) => [
          t.id,
          t.name,
          t.role,
          tokenState(t),
          t.expiresAt ?? '-',
          t.lastUsedAt ?? 'never',
        ]);
        const head = ['id', 'name', 'role', 'state', 'expires', 'last used'];
        const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
        for (const r of [head, ...rows])
          process.stdout.write(
            `${r
              .map((v, i) => String(v).padEnd(widths[i] ?? 0))
              .join('  ')
              .trimEnd()}\n`,
          );
      }),
    );
  token
    .command('revoke')
    .description('Revoke a token by its id (or its name, when only one token has it); it is refused from then on')
    .argument('<token>', 'the id or name from `token list`')
    .action((which: string) =>
      withStore(program, async ({ db }) => {
        const found = await findTokens(db, which);
        if (found.length === 0) throw new CliError(`no token with the id or name ${which}`);
        if (found.length > 1)
          throw new CliError(
            `${found.length} tokens are named ${which}: revoke one by its id (${found.map((t) => t.id).join(', ')})`,
          );
        const t = await revokeToken(db, (found[0] as { id: string }).id, 'cli');
        process.stderr.write(`token ${t?.name} (${t?.id}) revoked\n`);
      }),
    );

  program
    .command('audit')
    .description('The audit log (database from --database, DATABASE_URL or DATABASE_PATH)')
    .command('verify')
    .description(
      'Check the keyed hash chain; name the first broken entry. With --head (or the newest head in AUDIT_ANCHOR_PATH), the log must still hold that entry',
    )
    .option('--head <hash>', 'a head of the chain published elsewhere (from the anchor file or the server log)')
    .action((opts: { head?: string }) =>
      withStore(program, async ({ db, anchor }) => {
        const head = opts.head ?? anchor?.latest()?.hash;
        const r = await verifyAudit(db, { head });
        if (!r.ok) throw new CliError(`audit chain broken at entry ${r.seq}: ${r.reason}`);
        process.stdout.write(
          `audit chain intact: ${r.entries} entries${head ? `, holding the published head ${head}` : ' (no published head to check against)'}\n`,
        );
      }),
    );
}
