import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, toApiError } from './api-error.ts';
import type { components, paths } from './schema';

export { ApiError } from './api-error.ts';
/** The API's named schemas (`Schemas['AuditPage']`…), generated from the server's OpenAPI document. */
export type Schemas = components['schemas'];
/** Every path of the API with its methods, parameters and bodies. */
export type ApiPaths = paths;

/** Fired on window when a request comes back 401: the session has ended and the shell shows the sign-in. */
export const SESSION_ENDED_EVENT = 'ri-session-ended';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: string | null = null;

/** Remembers the session's CSRF token (from POST or GET /api/v1/session); null after sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Sends X-CSRF-Token on requests that change state, as the server requires of cookie sessions. */
const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && STATE_CHANGING.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

/** Tells the shell when any call but the session's own finds the session gone. */
const sessionEnded: Middleware = {
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/v1/session')) {
      globalThis.dispatchEvent(new CustomEvent(SESSION_ENDED_EVENT));
    }
    return response;
  },
};

/**
 * The one typed client of the API: `api.GET('/api/v1/audit', { params: { query: { order: 'desc' } } })`.
 * Paths, parameters, bodies and answers are checked against schema.d.ts; wrap calls in {@link call}.
 */
export const api = createClient<paths>({ credentials: 'same-origin', headers: { accept: 'application/json' } });
api.use(csrf, sessionEnded);

/** What an openapi-fetch call resolves to: data or error, and the response. */
type Result = { data?: unknown; error?: unknown; response: Response };

/**
 * Awaits a call of {@link api}: its data on success, else throws an {@link ApiError} with the server's code.
 * @example const page = await call(api.GET('/api/v1/audit', { params: { query: { limit: 50 } } }));
 */
export async function call<R extends Result>(request: Promise<R>): Promise<NonNullable<R['data']>> {
  let result: R;
  try {
    result = await request;
  } catch (e) {
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e));
  }
  if (result.response.ok && result.error === undefined) return result.data as NonNullable<R['data']>;
  throw toApiError(result.response.status, result.error);
}
