// Browser tests' shared set-up: the real server over a real SQLite file, a current UI build, and Debian's Chromium.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { en } from '../../admin-ui/src/shared/i18n/en.ts';
import { pl } from '../../admin-ui/src/shared/i18n/pl.ts';
import { ensureUiBuilt } from '../../scripts/build-ui.ts';
import { parseEnv } from '../../server/env.ts';
import { type RunningServer, startServer } from '../../server/start.ts';
import { addUser } from '../../server/store/people.ts';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';
/**
 * How long any wait for a state (an element, a text, an answer) may take before the test fails: Playwright's
 * waits and {@link until} alike. A bound on failure only: no test waits it out when the state comes.
 */
export const WAIT = 30_000;
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** The people the tests sign in as, one per role (and a second editor for conflicts). */
export const USERS = {
  admin: { name: 'admin', password: 'admin-password-for-tests', role: 'admin' },
  editor: { name: 'ewa', password: 'ewa-edits-the-rules', role: 'editor' },
  editor2: { name: 'edward', password: 'edward-edits-as-well', role: 'editor' },
  reviewer: { name: 'renata', password: 'renata-reviews-drafts', role: 'reviewer' },
  caseworker: { name: 'karol', password: 'karol-decides-cases', role: 'caseworker' },
  analyst: { name: 'anita', password: 'anita-runs-the-trials', role: 'analyst' },
} as const;
/** One of {@link USERS}. */
export type TestUser = (typeof USERS)[keyof typeof USERS];

/** A running server and browser, shared by the tests of one file. */
export interface Harness {
  server: RunningServer;
  browser: Browser;
  /** A fresh page in its own context (own cookies and storage: Polish, signed out), at the server. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The harness of one test file: started before its tests (in `beforeAll`) and closed after them. Call it at the
 * top of the file; what it returns may be used inside the tests.
 */
export function useHarness(): Pick<Harness, 'newPage'> & { readonly server: RunningServer } {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => h?.close());
  const started = (): Harness => {
    if (!h) throw new Error('the harness is not started: call useHarness() at the top of the test file');
    return h;
  };
  return {
    newPage: () => started().newPage(),
    get server() {
      return started().server;
    },
  };
}

/** Text as the tests compare it: Intl's no-break spaces (in `1 859,65 zł`) as plain ones, trimmed. */
export const plain = (s: string | null): string => (s ?? '').replace(/\u00a0|\u202f/g, ' ').trim();

/** Messages the page logged as errors (CSP violations among them) and exceptions it threw, per page. */
const problems = new WeakMap<Page, string[]>();

/** The errors a page has logged so far; a test expects none. */
export function pageProblems(page: Page): string[] {
  return problems.get(page) ?? [];
}

/** Fails, naming the fix, when Chromium is missing: a browser test that silently skips proves nothing. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run apt-get install -y chromium (.ci/run does it)`);
  }
}

/**
 * Builds the UI if its sources changed, starts the server on a free port over a new SQLite file with
 * {@link USERS}, and launches headless Chromium.
 */
export async function startHarness(): Promise<Harness> {
  requireChromium();
  await ensureUiBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'ri-browser-'));
  const env = parseEnv({
    DATABASE_PATH: join(dir, 'reintegra.db'),
    PORT: '0',
    ADMIN_PASSWORD: USERS.admin.password,
    LOG_REQUESTS: 'false',
  });
  const server = await startServer(env, () => {});
  // The admin is made by the server's first start, from ADMIN_PASSWORD.
  for (const u of Object.values(USERS)) if (u !== USERS.admin) await addUser(server.db, u);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
    timeout: 30_000,
  });
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async newPage() {
      const context = await browser.newContext({
        baseURL: server.url,
        locale: 'pl-PL',
        timezoneId: 'Europe/Warsaw',
        viewport: { width: 1280, height: 800 },
      });
      contexts.push(context);
      // Chromium's own CSP message names no place; this one names the script line that broke the policy.
      await context.addInitScript(
        `document.addEventListener('securitypolicyviolation', (e) => console.error('CSP ' + e.effectiveDirective + ' blocked at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + ' ' + e.sample + ' ' + String(e.composedPath()[0]?.outerHTML ?? '').slice(0, 160)), true)`,
      );
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT);
      const seen: string[] = [];
      problems.set(page, seen);
      page.on('console', (m) => {
        // A 401 is how the server says "not signed in"; the UI answers it with the sign-in form.
        if (m.type() === 'error' && !/status of 401/.test(m.text())) seen.push(m.text());
      });
      page.on('pageerror', (e) => seen.push(e.message));
      return page;
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Waits until `read()` gives a value the matcher accepts, reading it again as the page changes; fails after
 * {@link WAIT} with the last value. `expect.poll` with the bound of every other wait (its own default is 1 s, less
 * than a server's answer can take on a busy machine).
 * @example await until(() => outcome(page).textContent()).toBe('przysługuje');
 */
export function until<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: WAIT });
}

/** The loading messages of the shell and the pages, in both languages. */
const LOADING = new Set([pl['app.loading'], en['app.loading'], pl['route.loading'], en['route.loading']]);

/**
 * Waits until the page shows its main heading and no part of it still says it is loading: the state in which
 * everything it fetched on opening is on screen.
 */
export async function loaded(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).waitFor();
  const pattern = new RegExp(`^(${[...LOADING].map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
  await page.getByText(pattern).first().waitFor({ state: 'detached' });
}

/**
 * Waits until the draft editor's checks (the browser's and the server's) have reported on its text as it is now,
 * and gives their summary line ("Brak problemów.", "Błędy: 1, ostrzeżenia: 0."). The editor marks the line as
 * running from the keystroke on, so a summary about an older text is never taken for the current one.
 */
export async function draftChecks(page: Page): Promise<string> {
  const summary = page.locator('ri-draft-problems .summary');
  await page.locator('ri-draft-problems .summary[data-checks="done"]').waitFor();
  return (await summary.textContent()) ?? '';
}

/**
 * Presses a control from the keyboard, Enter on a button or Space on a radio, as a keyboard user does. For the
 * controls below the draft editor's text: a click there can miss, for once they are scrolled into view CodeMirror
 * measures the lines it now draws and the page moves under the pointer.
 */
export async function press(control: Locator): Promise<void> {
  const radio = (await control.getAttribute('type')) === 'radio';
  await control.press(radio ? 'Space' : 'Enter');
}

/** Signs in through the form, as a person would, and waits for the main menu; any name and password, not only {@link USERS}. */
export async function signIn(page: Page, user: { name: string; password: string }): Promise<void> {
  if (!page.url().startsWith('http')) await page.goto('/');
  await page.getByLabel(/Nazwa użytkownika|User name/).fill(user.name);
  await page.getByLabel(/^(Hasło|Password)$/).fill(user.password);
  await page.getByRole('button', { name: /^(Zaloguj się|Sign in)$/ }).click();
  await page.getByRole('navigation').waitFor();
}

/** What axe reports of one violation, enough to find and fix it. */
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core on the page as it is now (WCAG 2.1 A and AA rules, shadow DOM included) and fails on any
 * serious or critical violation, listing each with the elements at fault.
 */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
    // The CSP forbids inline scripts, so axe is evaluated through the DevTools protocol, which CSP does not govern.
    await page.evaluate(`(() => { ${readFileSync(AXE, 'utf8')}\n})()`);
  }
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`,
  )) as AxeViolation[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  at ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  expect(serious.length, `axe on ${page.url()} found serious violations:\n${report.join('\n')}\n`).toBe(0);
}

/** Saves a full-page screenshot as docs/screenshots/<name>.png (the README shows them). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', timeout: 60_000 });
  return path;
}

/** The focused element, looking through shadow roots, as `tag#id[aria-label]`. */
export function focusedElement(page: Page): Promise<string> {
  // A string, because the test project is compiled without the DOM library.
  return page.evaluate<string>(`(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return (el ? el.tagName.toLowerCase() : '') + '#' + (el ? el.id : '') + '[' + ((el && el.getAttribute('aria-label')) || '') + ']';
  })()`);
}

/**
 * The words a page shows, through shadow roots: text, and `@`-prefixed accessible names (aria-label, title).
 * Left out: what is marked `lang="pl…"` (the law's Polish texts), scripts and styles, and the YAML inside
 * CodeMirror (Polish whatever the UI speaks), for which its label stands.
 */
export function shownWords(page: Page): Promise<string[]> {
  // A string, because the test project is compiled without the DOM library.
  return page.evaluate<string[]>(`(() => {
    const out = [];
    const walk = (n) => {
      if (n.nodeType === 3) { const t = n.textContent.trim(); if (t) out.push(t); return; }
      if (n.nodeType === 1) {
        if (['STYLE', 'SCRIPT', 'NOSCRIPT', 'TEMPLATE', 'PRE'].includes(n.tagName)) return;
        if ((n.getAttribute('lang') || '').startsWith('pl')) return;
        for (const a of ['aria-label', 'title']) if (n.getAttribute(a)) out.push('@' + n.getAttribute(a));
        if (n.classList.contains('cm-content')) return;
        if (n.shadowRoot) walk(n.shadowRoot);
      }
      for (const c of n.childNodes) walk(c);
    };
    walk(document.body);
    return out;
  })()`);
}

/** Names and terms English text keeps in Polish: a region, the currency, and the zasiłek (as law.md calls it). */
const POLISH_NAMES = new Set(['Małopolska', 'złoty', 'zasiłek', 'zasiłku']);

/** Stretches of the Polish catalogue's messages (between placeholders) that no English message shares. */
const POLISH_ONLY = Object.values(pl)
  .flatMap((m) => m.split(/\{[^}]+\}/))
  .map((f) => f.trim())
  .filter((f) => f.length >= 8 && !Object.values(en).some((e) => e.includes(f)));

/**
 * The Polish left in words meant to be English: words with Polish letters, common Polish words, and stretches
 * of Polish messages (which catch a message left untranslated even when it has no Polish letter). A value
 * quoted “so” is data shown as it is, and is left out.
 */
export function polishIn(words: readonly string[]): string[] {
  const unquoted = words.map((w) => w.replace(/“[^”]*”/g, ''));
  const found = unquoted.flatMap(
    (w) => w.match(/[\p{L}]*[ąćęłńóśźż][\p{L}]*|\b(nie|jest|się|oraz|albo|szkic|wiersz|brak|dzień)\b/giu) ?? [],
  );
  const text = unquoted.join(' ');
  return [...new Set([...found.filter((w) => !POLISH_NAMES.has(w)), ...POLISH_ONLY.filter((f) => text.includes(f))])];
}
