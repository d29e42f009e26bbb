import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Asks before the tab is closed or reloaded while its host has unsaved changes, for as long as it is connected. */
export class UnsavedGuard implements ReactiveController {
  readonly #unsaved: () => boolean;
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
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeunload', this.#beforeUnload);
  }
}
