// Builds the admin UI when its sources differ from the last build's, so `npm start` always serves a current one.
// `tsx scripts/build-ui.ts` builds only when needed; `--force` (npm run build:ui) always builds.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The UI's folder: index.html, vite.config.ts, src/, public/. */
export const UI_ROOT = join(ROOT, 'admin-ui');
/** What vite writes and the server serves. */
export const UI_DIST = join(UI_ROOT, 'dist');
/** Holds the hash of the sources the build in dist/ was made from. */
const STAMP = join(UI_DIST, '.build-stamp');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
/** Held while one process builds, so parallel test files or starts never build over each other. */
const LOCK = join(tmpdir(), `reintegra-ui-build-${createHash('sha256').update(UI_ROOT).digest('hex').slice(0, 12)}`);
const STALE_LOCK_MS = 5 * 60_000;

/** Every file under `dir`, sorted, skipping unit tests (they are not part of the bundle). */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A hash of everything the bundle is made of: the UI's sources, its config and the locked dependencies. */
export function uiSourceHash(): string {
  const inputs = [
    join(UI_ROOT, 'index.html'),
    join(UI_ROOT, 'vite.config.ts'),
    ...files(join(UI_ROOT, 'src')),
    ...files(join(UI_ROOT, 'public')),
    join(ROOT, 'package-lock.json'),
  ];
  const hash = createHash('sha256');
  for (const f of inputs) hash.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}

/** True when dist/ was built from the current sources. */
export function uiIsCurrent(hash = uiSourceHash()): boolean {
  try {
    return readFileSync(STAMP, 'utf8').trim() === hash;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Takes the build lock (a directory, created atomically), waiting for another builder or taking over a stale lock. */
async function lock(): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch {
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else await sleep(200);
    }
  }
}

/** Runs `vite build` on the UI in a child process, rejecting with vite's output when it fails. */
function viteBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITE, 'build', UI_ROOT, '--logLevel', 'warn'], { cwd: ROOT, stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code}):\n${output}`))));
  });
}

/** Builds the UI unless dist/ is already current (or always, with force); says which it did. */
export async function ensureUiBuilt(
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<'built' | 'current'> {
  if (!options.force && uiIsCurrent()) return 'current';
  const release = await lock();
  try {
    // Another process may have built it while this one waited for the lock.
    const hash = uiSourceHash();
    if (!options.force && uiIsCurrent(hash)) return 'current';
    options.log?.('building the admin UI (vite build admin-ui)…');
    const started = Date.now();
    await viteBuild();
    writeFileSync(STAMP, `${hash}\n`);
    options.log?.(`admin UI built into admin-ui/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 'built';
  } finally {
    release();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await ensureUiBuilt({ force: process.argv.includes('--force'), log: (l) => process.stdout.write(`${l}\n`) });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
}
