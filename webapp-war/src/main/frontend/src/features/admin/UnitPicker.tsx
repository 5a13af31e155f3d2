// Picks a user, or a user or a role, by typing part of the name: users from the server's search,
// roles from the roles list (both need CanManageUsers; without it the picker says so).
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SearchCombobox, type Choice } from '../../components/SearchCombobox';
import { fetchUsers } from './users';
import { fetchRoles, roleKeys } from './roles';

interface Props {
  id?: string;
  /** Users only (a role's members) or users and roles (grants, setting values). */
  of: 'users' | 'units';
  value: Choice | null;
  onChange: (value: Choice | null) => void;
}

/** At most this many matches of each kind. */
const MATCHES = 20;

export function UnitPicker({ id, of, value, onChange }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const search = async (term: string, signal: AbortSignal): Promise<Choice[]> => {
    const users = (await fetchUsers(term, 0, signal)).Items.slice(0, MATCHES)
      .map((u) => ({ id: u.Id, text: of === 'users' ? u.Name : t('admin.userChoice', { name: u.Name }) }));
    if (of === 'users') return users;
    const roles = await client.fetchQuery({ queryKey: roleKeys.all, queryFn: ({ signal: s }) => fetchRoles(s), staleTime: 30_000 });
    const wanted = term.toLowerCase();
    const matching = roles.filter((r) => r.Name.toLowerCase().includes(wanted)).sort((a, b) => a.Name.localeCompare(b.Name))
      .slice(0, MATCHES).map((r) => ({ id: r.Id, text: t('admin.roleChoice', { name: r.Name }) }));
    return [...matching, ...users];
  };
  return <SearchCombobox id={id} queryKey={['admin', 'picker', of]} search={search} value={value} onChange={onChange}
    placeholder={of === 'users' ? t('admin.searchUsers') : t('admin.searchUnits')} />;
}
