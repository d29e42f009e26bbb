import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { guardLeaving } from '../shared/router/navigation.ts';

/**
 * Asks before the tab is closed or reloaded, and before any in-app navigation (a menu link, the back button),
 * while its host has unsaved changes, for as long as it is connected.
 */
export class UnsavedGuard implements ReactiveController {
  readonly #unsaved: () => boolean;
  #stopGuarding: (() => void) | undefined;
  readonly #beforeUnload = (e: BeforeUnloadEvent) => {
    if (this.#unsaved()) e.preventDefault();
  };

  /** `unsaved` tells, when the tab is about to go, whether something would be lost. */
  constructor(host: ReactiveControllerHost, unsaved: () => boolean) {
    this.#unsaved = unsaved;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeunload', this.#beforeUnload);
    this.#stopGuarding = guardLeaving(this.#unsaved);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeunload', this.#beforeUnload);
    this.#stopGuarding?.();
  }
}
