import { ApiError } from '../shared/api/api-error.ts';
import type { MessageKey } from '../shared/i18n/pl.ts';

/** A field of the new-user form. */
export type UserField = 'name' | 'role' | 'password';

/** The catalogue key to show beside each field the server refused. */
export type FieldErrors = Partial<Record<UserField, MessageKey>>;

const FIELD_MESSAGE: Record<UserField, MessageKey> = {
  name: 'users.error.name',
  role: 'users.error.role',
  password: 'users.error.password',
};

const isField = (f: unknown): f is UserField => f === 'name' || f === 'role' || f === 'password';

/**
 * Which fields a refusal of POST or PATCH /api/v1/users is about, in the catalogue's words (the server's own
 * messages are English): a taken name, a weak password, or the fields a 400 names. Empty for any other error.
 */
export function userFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  if (error.code === 'USER_EXISTS') return { name: 'users.error.nameTaken' };
  if (error.code === 'WEAK_PASSWORD') return { password: FIELD_MESSAGE.password };
  if (error.code !== 'INVALID_REQUEST' || !Array.isArray(error.details)) return {};
  const out: FieldErrors = {};
  for (const d of error.details as { field?: unknown }[]) if (isField(d.field)) out[d.field] = FIELD_MESSAGE[d.field];
  return out;
}
