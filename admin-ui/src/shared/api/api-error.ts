/** An error the API answered (`{ error: { code, message, details } }`), or a failure to reach it (code `NETWORK`). */
export class ApiError extends Error {
  constructor(
    /** The HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** The server's stable code (`BAD_CREDENTIALS`, `FORBIDDEN`…), `NETWORK`, or `HTTP_<status>` for a body without one. */
    readonly code: string,
    /** The server's message, in English. */
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** True for the API's error envelope. */
function isEnvelope(body: unknown): body is { error: { code: string; message: string; details?: unknown } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = body.error;
  return (
    typeof e === 'object' &&
    e !== null &&
    'code' in e &&
    typeof e.code === 'string' &&
    'message' in e &&
    typeof e.message === 'string'
  );
}

/** The ApiError for a failed response and its parsed body (the envelope, or whatever a proxy sent instead). */
export function toApiError(status: number, body: unknown): ApiError {
  if (isEnvelope(body)) return new ApiError(status, body.error.code, body.error.message, body.error.details ?? null);
  const text = typeof body === 'string' ? body.slice(0, 200) : `HTTP ${status}`;
  return new ApiError(status, `HTTP_${status}`, text);
}
