import { describe, expect, it } from 'vitest';
import { parentCandidates, roleTrees, type Role } from './roles';

const role = (Id: string, Name: string, Type: Role['Type'], ParentRoleId: string | null = null): Role =>
  ({ Id, Name, Code: Id, Type, ParentRoleId, Active: true, LinkedOrgRoleIds: [] });

const roles = [
  role('org', 'Our company', 'Organisation'),
  role('sales', 'Sales', 'Division', 'org'),
  role('east', 'East team', 'Team', 'sales'),
  role('all', 'All employees', 'Organisation'),
  role('mgr', 'Managers', 'FunctionalRole'),
  role('orphan', 'Orphan', 'Team', 'gone'),
];

describe('roles as trees', () => {
  it('puts organisational roles under their parents and functional roles apart, each level by name', () => {
    const { organisational, functional } = roleTrees(roles);
    expect(organisational.map((n) => n.role.Id)).toEqual(['all', 'orphan', 'org']);
    expect(organisational[2].children[0].role.Id).toBe('sales');
    expect(organisational[2].children[0].children[0].role.Id).toBe('east');
    expect(functional.map((n) => n.role.Id)).toEqual(['mgr']);
  });

  it('offers as parents the roles of the same kind, never the role itself or one below it', () => {
    expect(parentCandidates(roles, 'Team').map((r) => r.Id)).toEqual(['all', 'east', 'orphan', 'org', 'sales']);
    expect(parentCandidates(roles, 'Division', roles[1]).map((r) => r.Id)).toEqual(['all', 'orphan', 'org']);
    expect(parentCandidates(roles, 'FunctionalRole').map((r) => r.Id)).toEqual(['mgr']);
  });

  it('survives a loop in the data', () => {
    const looped = [role('a', 'A', 'Team', 'b'), role('b', 'B', 'Team', 'a')];
    expect(roleTrees(looped).organisational).toEqual([]);
    expect(parentCandidates(looped, 'Team', looped[0])).toEqual([]);
  });
});
