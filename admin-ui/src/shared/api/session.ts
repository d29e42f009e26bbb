import { api, call, type Schemas, setCsrfToken } from './client.ts';

/** The signed-in user: name, role, permissions and CSRF token, as GET /api/v1/session returns them. */
export type Session = Schemas['Session'];
/** A right the server checks; the menu and the routes ask for one. */
export type Permission = Session['permissions'][number];
/** A user's role. */
export type Role = Session['role'];

/** Fired on {@link session} whenever the user signs in or out. */
export const SESSION_CHANGE = 'change';

/** Who is signed in, shared by every element; it keeps the client's CSRF token in step. */
class SessionStore extends EventTarget {
  #current: Session | null = null;

  /** The signed-in user, or null. */
  get current(): Session | null {
    return this.#current;
  }

  /** True when the signed-in user's role holds `permission`. */
  can(permission: Permission): boolean {
    return this.#current?.permissions.includes(permission) ?? false;
  }

  /** Asks the server who is signed in (by the cookie); null when nobody is. */
  async load(): Promise<Session | null> {
    const { data, response } = await api.GET('/api/v1/session');
    this.#set(response.ok && data ? data : null);
    return this.#current;
  }

  /** Signs in; throws ApiError (code BAD_CREDENTIALS) on a wrong name or password. */
  async signIn(name: string, password: string): Promise<Session> {
    const me = await call(api.POST('/api/v1/session', { body: { name, password } }));
    this.#set(me);
    return me;
  }

  /** Signs out on the server, then forgets the user here even if the server could not be reached. */
  async signOut(): Promise<void> {
    try {
      await call(api.DELETE('/api/v1/session'));
    } finally {
      this.#set(null);
    }
  }

  /** Forgets the user without asking the server (its session is already gone). */
  forget(): void {
    this.#set(null);
  }

  #set(next: Session | null): void {
    this.#current = next;
    setCsrfToken(next?.csrf_token ?? null);
    this.dispatchEvent(new Event(SESSION_CHANGE));
  }
}

/** The one session store of the UI. */
export const session = new SessionStore();
