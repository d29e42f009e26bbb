// `npm run dev`: the API server (restarting on change) on 127.0.0.1:8787 and vite's dev server with live reload on
// http://127.0.0.1:5173, which proxies /api to the API. Open the second; stop both with Ctrl-C.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { UI_ROOT } from './build-ui.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));

const api = spawn(process.execPath, [TSX, 'watch', '--clear-screen=false', 'server/main.ts'], { cwd: ROOT, stdio: 'inherit' });
const ui = await createServer({ root: UI_ROOT });
await ui.listen();
ui.printUrls();

const stop = () => {
  api.kill('SIGTERM');
  void ui.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
api.on('exit', (code) => {
  if (code) process.stderr.write(`the API server stopped (exit ${code})\n`);
});
