// Roles and their members (/0/rest/roles, operation CanManageUsers) and operation grants
// (/0/rest/operations, operation CanManageAdministration) as the administration pages use them.
import { request } from '../../lib/http';
import type { AdminUser } from './users';

export const ROLE_TYPES = ['Organisation', 'Division', 'ManagerRole', 'Team', 'FunctionalRole'] as const;
export type RoleType = (typeof ROLE_TYPES)[number];

export interface Role {
  Id: string;
  Name: string;
  Code: string;
  Type: RoleType;
  ParentRoleId: string | null;
  Active: boolean;
  /** A functional role's organisational roles: their members hold it too. */
  LinkedOrgRoleIds: string[];
}

export interface NewRole {
  Name: string;
  Code: string;
  Type: RoleType;
  ParentRoleId: string | null;
}

export interface Grantee {
  AdminUnitId: string;
  Name: string;
  /** False: denied, which a user's own denial uses to take back what a role gives. */
  CanExecute: boolean;
}

export interface Operation {
  Code: string;
  Name: string;
  Grantees: Grantee[];
}

export const roleKeys = {
  all: ['admin', 'roles'] as const,
  members: (id: string) => ['admin', 'roles', id, 'members'] as const,
  operations: ['admin', 'operations'] as const,
};

const rolePath = (id: string) => `/0/rest/roles/${encodeURIComponent(id)}`;

export const fetchRoles = (signal?: AbortSignal) => request<Role[]>('/0/rest/roles', { signal });
export const fetchMembers = (id: string, signal?: AbortSignal) => request<AdminUser[]>(`${rolePath(id)}/members`, { signal });
export const createRole = (role: NewRole) => request<Role>('/0/rest/roles', { method: 'POST', body: role });
export const changeRole = (role: Role, change: { Name: string; ParentRoleId: string | null; Active: boolean }) =>
  request<Role>(rolePath(role.Id), { method: 'PUT', body: change });
export const deleteRole = (role: Role) => request<void>(rolePath(role.Id), { method: 'DELETE' });
export const addMember = (role: Role, user: { Id: string }) =>
  request<void>(`${rolePath(role.Id)}/members`, { method: 'POST', body: { UserId: user.Id } });
export const removeMember = (role: Role, user: { Id: string }) =>
  request<void>(`${rolePath(role.Id)}/members/${encodeURIComponent(user.Id)}`, { method: 'DELETE' });
export const linkRole = (role: Role, orgRoleId: string) =>
  request<void>(`${rolePath(role.Id)}/org-roles`, { method: 'POST', body: { OrgRoleId: orgRoleId } });
export const unlinkRole = (role: Role, orgRoleId: string) =>
  request<void>(`${rolePath(role.Id)}/org-roles/${encodeURIComponent(orgRoleId)}`, { method: 'DELETE' });

export const fetchOperations = (signal?: AbortSignal) => request<Operation[]>('/0/rest/operations', { signal });
const grantPath = (code: string, unitId: string) => `/0/rest/operations/${encodeURIComponent(code)}/grantees/${encodeURIComponent(unitId)}`;
export const grant = (code: string, unitId: string, canExecute: boolean) =>
  request<void>(grantPath(code, unitId), { method: 'PUT', body: { CanExecute: canExecute } });
export const revoke = (code: string, unitId: string) => request<void>(grantPath(code, unitId), { method: 'DELETE' });

/** A role with the roles under it, for a tree. */
export interface RoleNode {
  role: Role;
  children: RoleNode[];
}

/**
 * The roles as trees: organisational roles under their parents, functional roles in a tree of
 * their own; each level by name. A role whose parent is missing (not listed) is a root.
 */
export function roleTrees(roles: Role[]): { organisational: RoleNode[]; functional: RoleNode[] } {
  const byParent = new Map<string | null, Role[]>();
  const ids = new Set(roles.map((r) => r.Id));
  for (const r of roles) {
    const parent = r.ParentRoleId && ids.has(r.ParentRoleId) ? r.ParentRoleId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), r]);
  }
  const build = (parent: string | null, seen: Set<string>): RoleNode[] =>
    (byParent.get(parent) ?? []).filter((r) => !seen.has(r.Id)).sort((a, b) => a.Name.localeCompare(b.Name))
      .map((role) => ({ role, children: build(role.Id, new Set([...seen, role.Id])) }));
  const roots = build(null, new Set());
  return {
    organisational: roots.filter((n) => n.role.Type !== 'FunctionalRole'),
    functional: roots.filter((n) => n.role.Type === 'FunctionalRole'),
  };
}

/** The roles a role may sit under: of its own kind (functional or organisational), not itself or below it. */
export function parentCandidates(roles: Role[], type: RoleType, self?: Role): Role[] {
  const functional = type === 'FunctionalRole';
  const below = new Set<string>();
  if (self) {
    const stack = [self.Id];
    while (stack.length) {
      const id = stack.pop()!;
      below.add(id);
      roles.filter((r) => r.ParentRoleId === id && !below.has(r.Id)).forEach((r) => stack.push(r.Id));
    }
  }
  return roles.filter((r) => (r.Type === 'FunctionalRole') === functional && !below.has(r.Id))
    .sort((a, b) => a.Name.localeCompare(b.Name));
}
