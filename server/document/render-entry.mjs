// The document threads' entry: like the job pool's, it registers tsx (Node 20 cannot load TypeScript by itself)
// before loading the renderers; piscina awaits the default export.
import { register } from 'tsx/esm/api';

register();
export default import('./render-task.ts').then((m) => m.renderDocument);
