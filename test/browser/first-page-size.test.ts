import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureUiBuilt, UI_DIST } from '../../scripts/build-ui.ts';

/** The first page's budget of gzipped JavaScript (issue 6). */
const BUDGET = 250 * 1024;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

let manifest: Manifest;
let html: string;
beforeAll(async () => {
  await ensureUiBuilt();
  manifest = JSON.parse(readFileSync(join(UI_DIST, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  html = readFileSync(join(UI_DIST, 'index.html'), 'utf8');
}, 300_000);

/** The JS files index.html loads before anything is clicked: its module scripts and preloads, and their static imports. */
function eagerFiles(): string[] {
  const fromHtml = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const chunk = manifest[byFile.get(file) ?? ''];
    for (const key of chunk?.imports ?? []) {
      const dep = manifest[key];
      if (dep) visit(dep.file);
    }
    // Static imports written in the chunk itself, in case the manifest ever leaves one out.
    for (const m of readFileSync(join(UI_DIST, file), 'utf8').matchAll(
      /\bimport\s*(?:[\w${}\s,*]+from\s*)?["']\.\/([^"']+\.js)["']/g,
    )) {
      visit(`assets/${m[1]}`);
    }
  };
  for (const f of fromHtml) visit(f);
  return [...seen];
}

describe('the first page', () => {
  it(`loads under ${BUDGET / 1024} KB of gzipped JavaScript`, () => {
    const files = eagerFiles();
    expect(files.length).toBeGreaterThan(0);
    const sizes = files.map((f) => ({ f, gz: gzipSync(readFileSync(join(UI_DIST, f)), { level: 9 }).length }));
    const total = sizes.reduce((s, x) => s + x.gz, 0);
    console.info(
      `first page: ${(total / 1024).toFixed(1)} KB gzipped JS in ${files.length} file(s): ${sizes.map((s) => `${s.f} ${(s.gz / 1024).toFixed(1)} KB`).join(', ')}`,
    );
    expect(total).toBeLessThan(BUDGET);
  });

  it('leaves the editor, and CodeMirror with it, to load on demand', () => {
    const eager = new Set(eagerFiles());
    const editor = manifest['src/editor/ri-draft-editor.ts'];
    expect(editor?.isDynamicEntry, 'ri-draft-editor is loaded with a dynamic import').toBe(true);
    expect(eager.has(editor?.file ?? '')).toBe(false);
    for (const file of eager) {
      const code = readFileSync(join(UI_DIST, file), 'utf8');
      // @codemirror/view's base theme names this class; it survives minification as a string.
      expect(code.includes('cm-editor'), `${file} holds CodeMirror`).toBe(false);
      expect(code.includes('customElements.define("ri-draft-editor"'), `${file} defines the editor`).toBe(false);
    }
  });
});
