import { html, type TemplateResult } from 'lit';
import type { Permission } from '../api/session.ts';
import type { PlainMessageKey } from '../i18n/translate.ts';
import { compilePattern, type PathParams } from './match.ts';

/** One page of the app: where it lives, who may open it, how it loads and what it shows. */
export interface Route {
  /** The pattern, with `:name` parameters: `/drafts/:id`. */
  path: string;
  /** Catalogue key of the page's name, for the menu and the window title. */
  title: PlainMessageKey;
  /** The right the page needs (from GET /api/v1/session), or a list of which any one will do; absent for any signed-in user. */
  permission?: Permission | readonly Permission[];
  /** Catalogue key of the one-line description on the home page; with it, the page is in the main menu. */
  summary?: PlainMessageKey;
  /** Loads the page's module on first visit; a dynamic import puts it in its own chunk. */
  load?: () => Promise<unknown>;
  /** The page for the captured parameters. */
  render: (params: Record<string, string>) => TemplateResult;
}

/** A route as declared: `render` is given exactly the parameters its pattern names. */
type RouteDef<P extends string> = Omit<Route, 'path' | 'render'> & { path: P; render: (params: PathParams<P>) => TemplateResult };

/** Declares a route, typing `render`'s parameters from the pattern. */
const route = <P extends string>(r: RouteDef<P>): Route => r as unknown as Route;

/**
 * Every page, in menu order; only home is in the entry bundle (the shell imports it), the rest load on demand.
 * To add one: write `<feature>/ri-<name>-page.ts`, add a route here with a dynamic `load`, and add its title
 * (and a summary, to be in the menu and on the home page) to the feature's `messages.ts`, in both languages.
 */
export const ROUTES: readonly Route[] = [
  route({ path: '/', title: 'nav.home', render: () => html`<ri-home-page></ri-home-page>` }),
  route({
    path: '/questions',
    title: 'nav.questions',
    permission: 'read_rules',
    summary: 'home.questions',
    load: () => import('../../questions/ri-questions-page.ts'),
    render: () => html`<ri-questions-page></ri-questions-page>`,
  }),
  route({
    path: '/questions/:question',
    title: 'nav.questions',
    permission: 'read_rules',
    load: () => import('../../questions/ri-questions-page.ts'),
    render: (p) => html`<ri-questions-page .question=${p.question}></ri-questions-page>`,
  }),
  route({
    path: '/questions/:question/:version',
    title: 'version.title',
    permission: 'read_rules',
    load: () => import('../../versions/ri-version-page.ts'),
    render: (p) => html`<ri-version-page .question=${p.question} .version=${p.version}></ri-version-page>`,
  }),
  route({
    path: '/parameters',
    title: 'parameters.nav',
    permission: 'read_rules',
    summary: 'parameters.summary',
    load: () => import('../../parameters/ri-parameter-list-page.ts'),
    render: () => html`<ri-parameter-list-page></ri-parameter-list-page>`,
  }),
  route({
    path: '/drafts',
    title: 'drafts.title',
    // Editors write drafts; reviewers read the ones submitted to them.
    permission: ['draft', 'review'],
    summary: 'drafts.summary',
    load: () => import('../../drafts/ri-drafts-page.ts'),
    render: () => html`<ri-drafts-page></ri-drafts-page>`,
  }),
  route({
    path: '/drafts/:id',
    title: 'editor.title',
    permission: ['draft', 'review'],
    load: () => import('../../editor/ri-draft-editor.ts'),
    render: (p) => html`<ri-draft-editor .draftId=${p.id}></ri-draft-editor>`,
  }),
  route({
    path: '/console',
    title: 'nav.console',
    permission: 'decide',
    summary: 'home.console',
    load: () => import('../../console/ri-console-page.ts'),
    render: () => html`<ri-console-page></ri-console-page>`,
  }),
  route({
    path: '/trials',
    title: 'nav.trials',
    permission: 'evaluate_proposal',
    summary: 'home.trials',
    load: () => import('../../trials/ri-trials-page.ts'),
    render: () => html`<ri-trials-page></ri-trials-page>`,
  }),
  route({
    path: '/trials/:id',
    title: 'nav.trials',
    permission: 'evaluate_proposal',
    load: () => import('../../trials/ri-trial-run-page.ts'),
    render: (p) => html`<ri-trial-run-page .runId=${p.id}></ri-trial-run-page>`,
  }),
  route({
    path: '/trials/:a/compare/:b',
    title: 'nav.trials',
    permission: 'evaluate_proposal',
    load: () => import('../../trials/ri-trial-compare-page.ts'),
    render: (p) => html`<ri-trial-compare-page .a=${p.a} .b=${p.b}></ri-trial-compare-page>`,
  }),
  route({
    path: '/audit',
    title: 'nav.audit',
    permission: 'read_audit',
    summary: 'home.audit',
    load: () => import('../../audit/ri-audit-page.ts'),
    render: () => html`<ri-audit-page></ri-audit-page>`,
  }),
  route({
    path: '/users',
    title: 'users.title',
    permission: 'manage_users',
    summary: 'users.summary',
    load: () => import('../../users/ri-users-page.ts'),
    render: () => html`<ri-users-page></ri-users-page>`,
  }),
  route({
    path: '/offices',
    title: 'offices.title',
    permission: 'manage_users',
    summary: 'offices.summary',
    load: () => import('../../offices/ri-offices-page.ts'),
    render: () => html`<ri-offices-page></ri-offices-page>`,
  }),
  route({
    path: '/tokens',
    title: 'tokens.title',
    permission: 'manage_users',
    summary: 'tokens.summary',
    load: () => import('../../tokens/ri-tokens-page.ts'),
    render: () => html`<ri-tokens-page></ri-tokens-page>`,
  }),
];

/** A route matched to a path, with its parameters. */
export interface Match {
  route: Route;
  params: Record<string, string>;
}

const compiled = ROUTES.map((r) => ({ route: r, match: compilePattern(r.path) }));

/** The first route whose pattern matches `path`, or undefined (the not-found page). */
export function matchRoute(path: string): Match | undefined {
  for (const { route: r, match } of compiled) {
    const params = match(path);
    if (params) return { route: r, params };
  }
  return undefined;
}

/** True when a user who `can` do what they can may open the route: it needs nothing, or one of its permissions. */
export function mayOpen(r: Route, can: (p: Permission) => boolean): boolean {
  const need = r.permission;
  return need === undefined || (typeof need === 'string' ? can(need) : need.some(can));
}

/** The pages shown in the main menu: home, then each page with a summary that `can` allows. */
export function menuRoutes(can: (p: Permission) => boolean): Route[] {
  return ROUTES.filter((r) => (r.path === '/' || r.summary) && mayOpen(r, can));
}
