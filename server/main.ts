// `npm start`: parse the environment once, then serve the whole system on the embedded database.
import { EnvError, parseEnv } from './env.ts';
import { startServer } from './start.ts';

try {
  const running = await startServer(parseEnv());
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  process.stderr.write(`reintegra server: ${e instanceof EnvError ? `bad environment:\n${e.message}` : (e as Error).message}\n`);
  process.exit(1);
}
