import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const UI = new URL('../admin-ui/src', import.meta.url).pathname;

/** Every file under `dir`, as paths relative to the UI's sources. */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : [relative(UI, p)];
  });
}

const top = readdirSync(UI, { withFileTypes: true });
const features = top.filter((e) => e.isDirectory() && e.name !== 'shared').map((e) => e.name);

describe('the admin UI’s layout', () => {
  it('lists what the UI does: a folder per feature, shared/, and the entry', () => {
    expect(top.filter((e) => !e.isDirectory()).map((e) => e.name)).toEqual(['global.css', 'main.ts']);
    expect(features).not.toContain('elements');
    expect(features.length).toBeGreaterThan(5);
  });

  it('keeps each element in its feature’s folder or in shared/, one per file, named by its tag', () => {
    const elements = files(UI).filter((f) => /(^|\/)ri-[a-z-]+\.ts$/.test(f));
    expect(elements.length).toBeGreaterThan(50);
    for (const file of elements) {
      const tag = file.replace(/^.*\//, '').replace(/\.ts$/, '');
      const defined = [...readFileSync(join(UI, file), 'utf8').matchAll(/customElements\.define\('([a-z-]+)'/g)].map((m) => m[1]);
      expect(defined, file).toEqual([tag]);
      expect(file.split('/').length, `${file} sits two folders deep at most`).toBeLessThanOrEqual(3);
    }
  });

  it('gives every feature its own messages beside its elements', () => {
    for (const feature of features) expect(readdirSync(join(UI, feature)), feature).toContain('messages.ts');
  });
});
