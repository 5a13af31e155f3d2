// System settings (/0/rest/settings, operation CanManageSysSettings) as the administration pages
// use them: a default, values for roles and users, and the value that applies to a user (their
// own, else their nearest role's, else the default).
import { request } from '../../lib/http';

export const CAN_MANAGE_SYS_SETTINGS = 'CanManageSysSettings';

export type SettingType = 'Integer' | 'Boolean' | 'Text';

export interface SettingValue {
  AdminUnitId: string;
  AdminUnitName: string | null;
  Value: string;
}

export interface Setting {
  Code: string;
  Name: string;
  ValueType: SettingType;
  DefaultValue: string;
  MinValue: number | null;
  MaxValue: number | null;
  Values: SettingValue[];
}

export const settingKeys = {
  all: ['admin', 'settings'] as const,
  effective: (code: string, userId: string) => ['admin', 'settings', code, 'effective', userId] as const,
};

const path = (code: string) => `/0/rest/settings/${encodeURIComponent(code)}`;

export const fetchSettings = (signal?: AbortSignal) => request<Setting[]>('/0/rest/settings', { signal });
export const setDefault = (code: string, value: string) => request<Setting>(path(code), { method: 'PUT', body: { Value: value } });
export const setValue = (code: string, unitId: string, value: string) =>
  request<Setting>(`${path(code)}/values/${encodeURIComponent(unitId)}`, { method: 'PUT', body: { Value: value } });
export const removeValue = (code: string, unitId: string) =>
  request<Setting>(`${path(code)}/values/${encodeURIComponent(unitId)}`, { method: 'DELETE' });
export const effectiveValue = (code: string, userId: string, signal?: AbortSignal) =>
  request<{ Value: string }>(`${path(code)}/effective/${encodeURIComponent(userId)}`, { signal }).then((r) => r.Value);

/** What a setting's bounds allow, for the hint under its input ("from 1 to 100"), or null. */
export function bounds(setting: Setting): { min: number | null; max: number | null } | null {
  return setting.ValueType === 'Integer' && (setting.MinValue !== null || setting.MaxValue !== null)
    ? { min: setting.MinValue, max: setting.MaxValue } : null;
}
