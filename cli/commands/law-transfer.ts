import { resolve } from 'node:path';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { can, isRole } from '../../server/auth/roles.ts';
import { users } from '../../server/db/schema.ts';
import { openImport } from '../../server/store/import-law.ts';
import { openStore } from '../../server/store/open-store.ts';
import { currentFiles, filesOfDir, toRuleFile } from '../../server/store/rule-files.ts';
import { writeRulesDir } from '../../src/adapters/fs/write-rules.ts';
import { exportLayout } from '../../src/law/law-files.ts';
import { CliError } from '../io.ts';
import { namedDatabase, openServerDatabase, requireExisting, serverEnv } from '../server-database.ts';

/** The server's database: --database, else DATABASE_URL, else DATABASE_PATH (or its default) as the server reads it. */
function databaseLocation(program: Command): string {
  return namedDatabase(program) ?? serverEnv(program).DATABASE_PATH;
}

/** `export` writes the published law to a folder in the layout of rules/; `import` opens a folder's differences as a change set. */
export function registerLawTransfer(program: Command): void {
  program
    .command('export')
    .description("Write the published law of a server's database to a folder, in the layout of rules/ (same law, same bytes)")
    .requiredOption('--to <dir>', 'the folder to write (created when missing; identical files are left alone)')
    .action(async (opts: { to: string }) => {
      const database = await openServerDatabase(databaseLocation(program));
      try {
        const files = exportLayout((await currentFiles(database.db)).map(toRuleFile));
        const { written, unchanged } = writeRulesDir(resolve(opts.to), files);
        for (const path of written) process.stdout.write(`written ${path}\n`);
        process.stdout.write(`${files.length} files: ${written.length} written, ${unchanged.length} unchanged\n`);
      } finally {
        await database.close();
      }
    });

  program
    .command('import')
    .description(
      'Open a change set holding every file of a folder that differs from the published law, for review (never published directly)',
    )
    .argument('<dir>', 'a folder in the layout of rules/')
    .requiredOption('--as <user>', 'the editor (or admin) who brings the change: the change set’s author')
    .option('--title <text>', 'what the change set is for')
    .action(async (dir: string, opts: { as: string; title?: string }) => {
      const location = databaseLocation(program);
      requireExisting(location);
      // Opening a change set writes to the audit chain: the store keys and anchors it as the server does.
      const store = await openStore(serverEnv(program));
      const { db } = store;
      try {
        const [author] = await db.select().from(users).where(eq(users.name, opts.as));
        if (!author || author.disabledAt) throw new CliError(`no active user named ${opts.as}`);
        if (!isRole(author.role) || !can(author.role, 'draft'))
          throw new CliError(`${opts.as} is a ${author.role}, who may not draft: name an editor or an admin`);
        const cs = await openImport(db, filesOfDir(dir), author.id, opts.title ?? `Import z ${dir}`);
        if (!cs) {
          process.stdout.write('every file equals the published law: no change set was opened\n');
          return;
        }
        for (const f of cs.files) process.stdout.write(`${f.basePath ? 'changed' : 'added  '} ${f.path}\n`);
        process.stdout.write(`change set ${cs.row.id}: ${cs.files.length} files, for review\n`);
      } finally {
        await store.close();
      }
    });
}
