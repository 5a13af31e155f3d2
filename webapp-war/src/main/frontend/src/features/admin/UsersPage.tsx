// Administration: users (operation CanManageUsers). A page of 50 users with their type, state and
// roles; "New user" creates one with an initial password (changed at first sign-in); each row's
// actions deactivate or activate the user (deactivating ends their sessions on every node at
// once, as the server does), unlock a user locked out by failed sign-ins, end their sessions, and
// set a new password. The server refuses all of it to anyone without the operation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Dropdown,
  Field,
  Input,
  MenuItem,
  Option,
  SearchBox,
  Spinner,
  Title1,
  createTableColumn,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { ErrorState } from '../../components/ErrorState';
import { useDebounced } from '../../components/useDebounced';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { ItemGrid } from '../../components/ItemGrid';
import { Pager } from '../../components/Pager';
import { RowActions } from '../../components/RowActions';
import { OutcomeBar, errorOf, useOutcome } from '../../components/useOutcome';
import { usePageStyles } from '../../components/pageStyles';
import { USERS_PAGE, createUser, endSessions, fetchUsers, resetPassword, setActive, unlock, userKeys, type AdminUser } from './users';

export function UsersPage() {
  const styles = usePageStyles();
  const { t } = useTranslation();
  const client = useQueryClient();
  const [typed, setTyped] = useState('');
  const search = useDebounced(typed, 300).trim();
  const [paging, setPaging] = useState({ search, page: 0 });
  const page = paging.search === search ? paging.page : 0; // another search starts at its first page
  const setPage = (next: number) => setPaging({ search, page: next });
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<AdminUser | null>(null);
  const users = useQuery({ queryKey: userKeys.page(search, page), queryFn: ({ signal }) => fetchUsers(search, page, signal),
    placeholderData: keepPreviousData });

  // each action on a user says how it went; the list is read again either way
  const { outcome, act } = useOutcome(() => client.invalidateQueries({ queryKey: userKeys.all }));

  const columns: TableColumnDefinition<AdminUser>[] = [
    createTableColumn<AdminUser>({ columnId: 'Name', renderHeaderCell: () => t('admin.userName'), renderCell: (u) => u.Name }),
    createTableColumn<AdminUser>({ columnId: 'Email', renderHeaderCell: () => t('admin.email'), renderCell: (u) => u.Email ?? '' }),
    createTableColumn<AdminUser>({
      columnId: 'Type', renderHeaderCell: () => t('admin.type'),
      renderCell: (u) => u.Technical ? t('admin.technical') : u.Type === 'External' ? t('admin.external') : t('admin.employee'),
    }),
    createTableColumn<AdminUser>({
      columnId: 'State', renderHeaderCell: () => t('admin.state'),
      renderCell: (u) => (
        <span className={styles.badges}>
          <Badge appearance="tint" color={u.Active ? 'success' : 'subtle'}>{u.Active ? t('admin.active') : t('admin.inactive')}</Badge>
          {u.Locked && <Badge appearance="tint" color="danger">{t('admin.locked')}</Badge>}
        </span>
      ),
    }),
    createTableColumn<AdminUser>({ columnId: 'Roles', renderHeaderCell: () => t('admin.roles'), renderCell: (u) => u.Roles.join(', ') }),
    createTableColumn<AdminUser>({
      columnId: 'Actions', renderHeaderCell: () => t('admin.actions'),
      renderCell: (u) => (
        <RowActions name={u.Name}>
        {u.Active
          ? <MenuItem onClick={() => void act(() => setActive(u, false), t('admin.deactivated', { name: u.Name }))}>{t('admin.deactivate')}</MenuItem>
          : <MenuItem onClick={() => void act(() => setActive(u, true), t('admin.activated', { name: u.Name }))}>{t('admin.activate')}</MenuItem>}
        {u.Locked && <MenuItem onClick={() => void act(() => unlock(u), t('admin.unlocked', { name: u.Name }))}>{t('admin.unlock')}</MenuItem>}
        <MenuItem onClick={() => void act(() => endSessions(u), t('admin.sessionsEnded', { name: u.Name }))}>{t('admin.endSessions')}</MenuItem>
        {!u.Technical && <MenuItem onClick={() => setResetting(u)}>{t('admin.resetPassword')}</MenuItem>}
        </RowActions>
      ),
    }),
  ];

  const total = users.data?.Total ?? 0;
  const rows = users.data?.Items ?? [];
  return (
    <div className={styles.page}>
      <Title1 as="h1">{t('admin.users')}</Title1>
      <div className={styles.tools}>
        <SearchBox value={typed} onChange={(_, d) => setTyped(d.value)} aria-label={t('admin.searchUsers')} placeholder={t('admin.searchUsers')} />
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)}>{t('admin.newUser')}</Button>
        {users.isFetching && <Spinner size="tiny" aria-label={t('app.loading')} />}
      </div>
      <OutcomeBar outcome={outcome} />
      {users.isError ? <ErrorState error={users.error} onRetry={() => void users.refetch()} /> : (
        <ItemGrid minWidth="640px" items={rows} columns={columns} getRowId={(u: AdminUser) => u.Id}
          label={t('admin.users')} controls={['Actions']} />
      )}
      <Pager page={page} size={USERS_PAGE} total={total} onPage={setPage} />
      <NewUserDialog open={creating} problem={errorOf(outcome)} onClose={() => setCreating(false)}
        onCreate={(user) => act(() => createUser(user), t('admin.created', { name: user.Name }))} />
      <PasswordDialog user={resetting} problem={errorOf(outcome)} onClose={() => setResetting(null)}
        onSet={(user, password) => act(() => resetPassword(user, password), t('admin.passwordSet', { name: user.Name }))} />
    </div>
  );
}

function NewUserDialog({ open, onClose, onCreate, problem }: {
  open: boolean; problem?: string; onClose: () => void; onCreate: (user: { Name: string; Email: string; Type: string; Password: string }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const empty = { Name: '', Email: '', Type: 'Employee', Password: '' };
  const [user, setUser] = useState(empty);
  const { busy, submit: send } = useSubmit();
  const submit = () => {
    void send(() => onCreate(user), () => {
      setUser(empty);
      onClose();
    });
  };
  return (
    <FormDialog busy={busy} problem={problem} open={open} title={t('admin.newUser')} submit={t('form.create')} ready={!!user.Name.trim() && !!user.Password}
      onSubmit={() => void submit()} onClose={onClose}>
      <Field label={t('admin.userName')} required>
        <Input value={user.Name} onChange={(_, d) => setUser({ ...user, Name: d.value })} autoComplete="off" />
      </Field>
      <Field label={t('admin.email')}>
        <Input type="email" value={user.Email} onChange={(_, d) => setUser({ ...user, Email: d.value })} />
      </Field>
      <Field label={t('admin.type')}>
        <Dropdown value={user.Type === 'External' ? t('admin.external') : t('admin.employee')} selectedOptions={[user.Type]}
          onOptionSelect={(_, d) => setUser({ ...user, Type: d.optionValue ?? 'Employee' })}>
          <Option value="Employee">{t('admin.employee')}</Option>
          <Option value="External">{t('admin.external')}</Option>
        </Dropdown>
      </Field>
      <Field label={t('admin.initialPassword')} required hint={t('admin.initialPasswordHint')}>
        <Input type="password" value={user.Password} onChange={(_, d) => setUser({ ...user, Password: d.value })} autoComplete="new-password" />
      </Field>
    </FormDialog>
  );
}

function PasswordDialog({ user, onClose, onSet, problem }: {
  user: AdminUser | null; problem?: string; onClose: () => void; onSet: (user: AdminUser, password: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const { busy, submit: send } = useSubmit();
  const submit = () => {
    if (!user) return;
    void send(() => onSet(user, password), () => {
      setPassword('');
      onClose();
    });
  };
  return (
    <FormDialog busy={busy} problem={problem} open={!!user} title={t('admin.resetPasswordOf', { name: user?.Name ?? '' })} submit={t('admin.setPassword')}
      ready={!!password} onSubmit={() => void submit()} onClose={onClose}>
      <Field label={t('admin.newPassword')} required hint={t('admin.resetPasswordHint')}>
        <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="new-password" />
      </Field>
    </FormDialog>
  );
}
