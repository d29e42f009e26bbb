import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DecisionError } from '../../src/decide/decision-error.ts';

/** The one shape of every error the API returns. */
export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

export function errorBody(code: string, message: string, details: unknown = null): ErrorBody {
  return { error: { code, message, details } };
}

/** An error a route raises on purpose, with its status and stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }
}

const DECISION_STATUS: Record<string, ContentfulStatusCode> = {
  UNKNOWN_QUESTION: 404,
  UNKNOWN_VERSION: 404,
  EVALUATION_FAILED: 422,
  PARAMETER_NOT_IN_FORCE: 422,
};

/** Maps any thrown error to the envelope; never lets a stack trace reach the client. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.details), err.status);
  if (err instanceof DecisionError) {
    return c.json(errorBody(err.code, err.message, err.field ? { field: err.field } : null), DECISION_STATUS[err.code] ?? 400);
  }
  if (err instanceof HTTPException) {
    const malformed = /malformed json|json/i.test(err.message);
    return c.json(
      errorBody(malformed ? 'INVALID_JSON' : 'HTTP_ERROR', malformed ? 'the body is not valid JSON' : err.message),
      err.status as ContentfulStatusCode,
    );
  }
  console.error(JSON.stringify({ level: 'error', msg: err.message, stack: err.stack }));
  return c.json(errorBody('INTERNAL', 'something went wrong on the server; the error was logged'), 500);
}

/** The defaultHook of zod-openapi: a request that fails its schema is a 400 naming each field. */
export function validationHook(
  result:
    | { success: true }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[] } },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const details = result.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message, code: i.code }));
  const first = details[0];
  return c.json(
    errorBody('INVALID_REQUEST', first ? `${first.field || 'body'}: ${first.message}` : 'invalid request', details),
    400,
  );
}
