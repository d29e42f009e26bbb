import type { Role } from '../shared/api/session.ts';

/** The roles an administrator may give, in the order the selects offer them: from deciding cases to running the office. */
export const ROLE_CHOICES: readonly Role[] = ['caseworker', 'supervisor', 'analyst', 'editor', 'reviewer', 'admin'];
