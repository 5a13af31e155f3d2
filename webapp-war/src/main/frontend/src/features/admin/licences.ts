// Licences (/0/rest/licenses, operation CanManageLicUsers) as the administration pages use them:
// what the installation holds, the request file for the vendor, the upload of a licence file, and
// the distribution of named licences to users and roles.
import { request } from '../../lib/http';

export const CAN_MANAGE_LIC_USERS = 'CanManageLicUsers';

/** The products a request can name, as the vendor knows them. */
export const PRODUCTS = ['sales', 'service', 'marketing', 'studio'] as const;

export interface Product {
  Code: string;
  /** Named: per user, Count users; Server: everyone. */
  Type: 'Named' | 'Server';
  Owned: number | null;
  Assigned: number | null;
  Available: number | null;
  ValidFrom: string;
  ValidTo: string;
}

export interface Summary {
  InstanceId: string;
  CustomerId: string | null;
  LicenseId: string | null;
  Trial: boolean;
  OverAllocated: boolean;
  Products: Product[];
}

export interface Holder {
  HolderId: string;
  Name: string;
  /** User or Role. */
  Kind: string;
  /** How many users the grant covers (1 for a user). */
  Users: number;
}

export const licenceKeys = {
  all: ['admin', 'licences'] as const,
  holders: (product: string) => ['admin', 'licences', product, 'holders'] as const,
};

export const fetchSummary = (signal?: AbortSignal) => request<Summary>('/0/rest/licenses', { signal });
export const fetchHolders = (product: string, signal?: AbortSignal) =>
  request<Holder[]>(`/0/rest/licenses/${encodeURIComponent(product)}/holders`, { signal });
export const grantLicence = (product: string, holderId: string) =>
  request<Holder>(`/0/rest/licenses/${encodeURIComponent(product)}/holders/${encodeURIComponent(holderId)}`, { method: 'PUT' });
export const recallLicence = (product: string, holderId: string) =>
  request<void>(`/0/rest/licenses/${encodeURIComponent(product)}/holders/${encodeURIComponent(holderId)}`, { method: 'DELETE' });

/** Installs a licence file as the vendor sent it; the answer is the new summary. */
export const uploadLicence = (file: string) =>
  request<Summary>('/0/rest/licenses', { method: 'POST', raw: file });

/** The request file's address for these counts (products with 0 left out), or null when none is asked for. */
export function requestUrl(counts: Record<string, number>): string | null {
  const asked = Object.entries(counts).filter(([, n]) => n > 0);
  return asked.length ? `/0/rest/licenses/request?${asked.map(([code, n]) => `product=${encodeURIComponent(`${code}:${n}`)}`).join('&')}` : null;
}
