// The user administration API (/0/rest/users, operation CanManageUsers) as the pages use it.
import { request } from '../../lib/http';

export const CAN_MANAGE_USERS = 'CanManageUsers';

export interface AdminUser {
  Id: string;
  Name: string;
  Email: string | null;
  Type: string;
  Technical: boolean;
  Active: boolean;
  Locked: boolean;
  Roles: string[];
  ForcePasswordChange: boolean;
}

export interface UserPage {
  Items: AdminUser[];
  Total: number;
}

export const USERS_PAGE = 50;
export const userKeys = { page: (search: string, page: number) => ['admin', 'users', search, page] as const, all: ['admin', 'users'] as const };

/** A page of the users by name; with a search, those whose name contains it in any case. */
export function fetchUsers(search: string, page: number, signal?: AbortSignal): Promise<UserPage> {
  const filter = search ? `search=${encodeURIComponent(search)}&` : '';
  return request<UserPage>(`/0/rest/users?${filter}skip=${page * USERS_PAGE}&top=${USERS_PAGE}`, { signal });
}

export function setActive(user: AdminUser, active: boolean): Promise<unknown> {
  return request(`/0/rest/users/${user.Id}`, { method: 'PUT', body: { Name: user.Name, Email: user.Email, Active: active } });
}

export function unlock(user: AdminUser): Promise<unknown> {
  return request(`/0/rest/users/${user.Id}/unlock`, { method: 'POST' });
}

export function endSessions(user: AdminUser): Promise<unknown> {
  return request(`/0/rest/users/${user.Id}/sessions`, { method: 'DELETE' });
}

export function resetPassword(user: AdminUser, password: string): Promise<unknown> {
  return request(`/0/rest/users/${user.Id}/reset-password`, { method: 'POST', body: { Password: password } });
}

export function createUser(user: { Name: string; Email?: string; Type: string; Password: string }): Promise<AdminUser> {
  return request<AdminUser>('/0/rest/users', { method: 'POST', body: { ...user, Email: user.Email || null } });
}
