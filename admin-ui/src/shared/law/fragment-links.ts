/**
 * Follows a click on an in-page link (`href="#param-zasilek.first_90_days"`) inside a page's shadow root, which
 * the browser cannot do itself (ids in shadow roots are invisible to the address's fragment): unfolds the
 * `<details>` the target is in, scrolls to it and moves focus there. Returns true when it handled the click.
 */
export function followFragment(event: MouseEvent, root: ShadowRoot | HTMLElement | DocumentFragment): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return false;
  const anchor = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
  const href = anchor?.getAttribute('href');
  if (!href?.startsWith('#')) return false;
  const id = decodeURIComponent(href.slice(1));
  const target = 'getElementById' in root ? root.getElementById(id) : null;
  if (!target) return false;
  event.preventDefault();
  for (let el: Element | null = target; el; el = el.parentElement) if (el instanceof HTMLDetailsElement) el.open = true;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'start' });
  (target as HTMLElement).focus({ preventScroll: true });
  return true;
}
