// The worker threads' entry: Node 20 cannot load TypeScript by itself, so each thread registers tsx
// (as `npm start` does for the main thread) before loading the tasks; piscina awaits the default export.
import { register } from 'tsx/esm/api';

register();
export default import('./worker.ts').then((m) => m.runTask);
