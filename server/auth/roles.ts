/** Every role a user can hold. */
export const ROLES = ['editor', 'reviewer', 'caseworker', 'analyst', 'supervisor', 'admin'] as const;
/** A user's role. */
export type Role = (typeof ROLES)[number];

/** Every permission the server checks. */
export const PERMISSION_NAMES = [
  'decide',
  'evaluate_proposal',
  'read_rules',
  'draft',
  'review',
  'read_audit',
  'manage_users',
  'read_office_receipts',
] as const;
/** Something a role may be allowed to do. */
export type Permission = (typeof PERMISSION_NAMES)[number];

/** Which roles hold each permission. The single place rights are granted. */
export const PERMISSIONS: Readonly<Record<Permission, readonly Role[]>> = {
  // Editors and reviewers may decide too, to try the rules they write and review.
  decide: ['caseworker', 'analyst', 'admin', 'editor', 'reviewer', 'supervisor'],
  evaluate_proposal: ['analyst', 'editor', 'reviewer', 'admin'],
  read_rules: ROLES,
  draft: ['editor', 'admin'],
  review: ['reviewer', 'admin'],
  read_audit: ['reviewer', 'admin', 'analyst'],
  manage_users: ['admin'],
  // A supervisor reads the receipts of their own office, an admin those of every office; each such read is audited.
  read_office_receipts: ['supervisor', 'admin'],
};

/** True when `value` names a role; use it on anything read from storage or a request. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` holds `permission`. Unknown roles or permissions hold nothing. */
export function can(role: Role, permission: Permission): boolean {
  // Own-property check, so a permission name like "toString" from untyped input cannot match.
  if (!Object.hasOwn(PERMISSIONS, permission)) return false;
  return PERMISSIONS[permission].includes(role);
}

/** The permissions a role holds, in {@link PERMISSION_NAMES} order. */
export function permissionsOf(role: Role): Permission[] {
  return PERMISSION_NAMES.filter((p) => can(role, p));
}
