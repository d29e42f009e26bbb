import type { Command } from 'commander';
import { loadLibraryFor } from '../rules-option.ts';

export function registerQuestions(program: Command): void {
  program
    .command('questions')
    .description('List each question with its versions and the dates they apply')
    .option('--json', 'print as JSON')
    .option('--lang <pl|en>', 'language of titles', 'pl')
    .action(async (opts: { json?: boolean; lang: 'pl' | 'en' }) => {
      const questions = (await loadLibraryFor(program)).questions();
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(questions, null, 2)}\n`);
        return;
      }
      for (const q of questions) {
        process.stdout.write(`${q.id}: ${q.title[opts.lang] ?? q.title.pl}\n`);
        for (const v of q.versions) {
          const span = `${v.validFrom} … ${v.validUntil ? `${v.validUntil} (excl.)` : ''}`.trimEnd();
          const marks = [v.repealed ? 'repealed' : '', v.confidence ?? ''].filter(Boolean).join(', ');
          process.stdout.write(`  ${span.padEnd(30)} ${v.hash.slice(0, 19)}${marks ? `  [${marks}]` : ''}\n`);
        }
        for (const p of q.proposals) process.stdout.write(`  proposal: ${p}\n`);
      }
    });
}
