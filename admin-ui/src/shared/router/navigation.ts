import { t } from '../i18n/translate.ts';

/** Fired on window after {@link navigate} changes the address, so the shell shows the new page. */
export const NAVIGATE_EVENT = 'ri-navigate';

/** The pages' checks of whether leaving them now would lose something. */
const unsavedChecks = new Set<() => boolean>();

/** Registers a check asked before any in-app navigation away from the page; returns the function that removes it. */
export function guardLeaving(unsaved: () => boolean): () => void {
  unsavedChecks.add(unsaved);
  return () => unsavedChecks.delete(unsaved);
}

/** True when the page may be left: nothing would be lost, or the user agreed to lose it. */
export function mayLeave(): boolean {
  if (![...unsavedChecks].some((unsaved) => unsaved())) return true;
  return window.confirm(t('app.leaveUnsaved'));
}

/**
 * Goes to a path of the app without reloading (history API); `replace` keeps the back button where it was. Asks
 * first when the page has unsaved changes, and stays when the user says so.
 */
export function navigate(url: string, options: { replace?: boolean } = {}): void {
  if (!mayLeave()) return;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new CustomEvent(NAVIGATE_EVENT));
}

/** True for a click the browser should handle itself: new tab, download, another site, the API. */
function leaveToBrowser(event: MouseEvent, anchor: HTMLAnchorElement): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return true;
  if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return true;
  const url = new URL(anchor.href, location.href);
  return url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname === '/healthz';
}

/**
 * Makes plain `<a href="/questions">` links anywhere under `root` (shadow roots included) navigate
 * in-app; returns the function that stops it.
 */
export function interceptLinks(root: HTMLElement): () => void {
  const onClick = (event: MouseEvent) => {
    const anchor = event
      .composedPath()
      .find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement && n.hasAttribute('href'));
    if (!anchor || leaveToBrowser(event, anchor)) return;
    const url = new URL(anchor.href, location.href);
    // A link to where we are only moves focus; a fragment-only link is left to the element that owns it.
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}
