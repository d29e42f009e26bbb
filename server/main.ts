// `npm start`: parse the environment once, then serve the whole system on the embedded database; with WORKERS=N,
// from N processes on the same port and database file.
import cluster from 'node:cluster';
import { runPrimary, runWorker } from './cluster.ts';
import { EnvError, parseEnv } from './env.ts';
import { startServer } from './start.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);
try {
  const env = parseEnv();
  if (env.WORKERS > 1 && cluster.isPrimary) await runPrimary(env, log);
  else if (cluster.isWorker) await runWorker(env, log);
  else {
    const running = await startServer(env, log);
    const stop = () => void running.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
} catch (e) {
  process.stderr.write(`reintegra server: ${e instanceof EnvError ? `bad environment:\n${e.message}` : (e as Error).message}\n`);
  process.exit(1);
}
