import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The real server in its own process (`node --import tsx server/main.ts`), so that it can be killed with SIGKILL. */
export interface ServerProcess {
  url: URL;
  child: ChildProcess;
  lines: string[];
  /** Kills it at once, as a power cut or the OOM killer would: no handler runs. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the server (or another script that prints the same `listening` line) with these settings and waits for that
 * line. `nodeArgs` go before the script (e.g. `--cpu-prof`).
 */
export function startServerProcess(
  env: Record<string, string>,
  script = 'server/main.ts',
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_REQUESTS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  // The last lines only: a server logging every request would otherwise grow this without bound.
  const keep = (l: string) => {
    lines.push(l);
    if (lines.length > 1000) lines.splice(0, 500);
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const fail = (why: string) => reject(new Error(`${why}\n${lines.slice(-20).join('\n')}`));
    const early = (code: number | null) => fail(`the server exited (${code}) before listening`);
    child.once('exit', early);
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', keep);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (l) => {
      keep(l);
      if (!l.includes('"msg":"listening"')) return;
      const { url } = JSON.parse(l) as { url: string };
      child.off('exit', early);
      resolve({
        url: new URL(url),
        child,
        lines,
        kill9: async () => {
          child.kill('SIGKILL');
          await exited;
        },
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
