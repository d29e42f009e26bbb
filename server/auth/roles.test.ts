import { describe, expect, it } from 'vitest';
import { can, isRole, PERMISSION_NAMES, PERMISSIONS, type Permission, permissionsOf, ROLES, type Role } from './roles.ts';

/** Each role's rights, written out in full: changing a grant must change this table. */
const EXPECTED: Record<Role, Permission[]> = {
  editor: ['decide', 'evaluate_proposal', 'read_rules', 'draft'],
  reviewer: ['decide', 'evaluate_proposal', 'read_rules', 'review', 'read_audit'],
  caseworker: ['decide', 'read_rules'],
  analyst: ['decide', 'evaluate_proposal', 'read_rules', 'read_audit'],
  supervisor: ['decide', 'read_rules', 'read_office_receipts'],
  admin: ['decide', 'evaluate_proposal', 'read_rules', 'draft', 'review', 'read_audit', 'manage_users', 'read_office_receipts'],
};

describe('roles', () => {
  it('has exactly the six roles', () => {
    expect([...ROLES].sort()).toEqual(['admin', 'analyst', 'caseworker', 'editor', 'reviewer', 'supervisor']);
  });

  it('has a PERMISSIONS entry for every permission and no other', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...PERMISSION_NAMES].sort());
  });

  it.each(ROLES)('%s has exactly its rights', (role) => {
    expect(permissionsOf(role)).toEqual(EXPECTED[role]);
    for (const p of PERMISSION_NAMES) expect(can(role, p), `${role} ${p}`).toBe(EXPECTED[role].includes(p));
  });

  it('lets only admin manage users', () => {
    expect(ROLES.filter((r) => can(r, 'manage_users'))).toEqual(['admin']);
  });

  it('grants nothing to an unknown role or permission from untyped input', () => {
    expect(can('root' as Role, 'read_rules')).toBe(false);
    expect(can('admin', 'toString' as Permission)).toBe(false);
    expect(can('admin', 'fly' as Permission)).toBe(false);
  });

  it('isRole recognises the roles only', () => {
    for (const r of ROLES) expect(isRole(r)).toBe(true);
    expect(isRole('Admin')).toBe(false);
    expect(isRole('')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
