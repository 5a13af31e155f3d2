// Administration: one role (#/admin/roles/<id>, operation CanManageUsers). Its name, parent and
// state; its members (added by searching users, removed from their row's menu), and for a
// functional role the organisational roles linked to it, whose members hold it too. A role with
// members, sub-roles or links cannot be deleted (the server says which); built-in roles stay.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Dropdown, Field, Input, MenuItem, Option, Spinner, Switch, Title3, createTableColumn,
  makeStyles, tokens, type TableColumnDefinition } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { ApiError } from '../../lib/http';
import { ErrorState } from '../../components/ErrorState';
import { DetailHeading } from '../../components/DetailHeading';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { ItemGrid } from '../../components/ItemGrid';
import { RowActions } from '../../components/RowActions';
import { usePageStyles } from '../../components/pageStyles';
import { OutcomeBar, errorOf, useOutcome } from '../../components/useOutcome';
import type { Choice } from '../../components/SearchCombobox';
import { ParentField } from './RolesPage';
import { UnitPicker } from './UnitPicker';
import { userKeys, type AdminUser } from './users';
import { addMember, changeRole, deleteRole, fetchMembers, fetchRoles, linkRole, parentCandidates, removeMember, roleKeys,
  unlinkRole, type Role } from './roles';

const useStyles = makeStyles({
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  save: { marginTop: tokens.spacingVerticalL },
});

export function RolePage() {
  const styles = { ...usePageStyles(), ...useStyles() };
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { id = '' } = useParams();
  const roles = useQuery({ queryKey: roleKeys.all, queryFn: ({ signal }) => fetchRoles(signal) });
  const members = useQuery({ queryKey: roleKeys.members(id), queryFn: ({ signal }) => fetchMembers(id, signal) });
  const [adding, setAdding] = useState(false);
  const [linking, setLinking] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // a change to a role or its members (their key is under the roles') changes the users' roles too
  const { outcome, act } = useOutcome(() => Promise.all([client.invalidateQueries({ queryKey: roleKeys.all }),
    client.invalidateQueries({ queryKey: userKeys.all })]));

  if (roles.isPending) return <Spinner label={t('app.loading')} />;
  if (roles.isError) return <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />;
  const role = roles.data.find((r) => r.Id === id);
  if (!role) return <ErrorState error={new ApiError(404, 'NOT_FOUND', t('admin.noSuchRole'))} />;
  const name = (roleId: string) => roles.data.find((r) => r.Id === roleId)?.Name ?? roleId;

  const memberColumns: TableColumnDefinition<AdminUser>[] = [
    createTableColumn<AdminUser>({ columnId: 'Name', renderHeaderCell: () => t('admin.userName'), renderCell: (u) => u.Name }),
    createTableColumn<AdminUser>({ columnId: 'Email', renderHeaderCell: () => t('admin.email'), renderCell: (u) => u.Email ?? '' }),
    createTableColumn<AdminUser>({
      columnId: 'State', renderHeaderCell: () => t('admin.state'),
      renderCell: (u) => <Badge appearance="tint" color={u.Active ? 'success' : 'subtle'}>{u.Active ? t('admin.active') : t('admin.inactive')}</Badge>,
    }),
    createTableColumn<AdminUser>({
      columnId: 'Actions', renderHeaderCell: () => t('admin.actions'),
      renderCell: (u) => (
        <RowActions name={u.Name}>
          <MenuItem onClick={() => void act(() => removeMember(role, u), t('admin.memberRemoved', { name: u.Name, role: role.Name }))}>
            {t('admin.removeMember')}
          </MenuItem>
        </RowActions>
      ),
    }),
  ];
  const linkColumns: TableColumnDefinition<string>[] = [
    createTableColumn<string>({ columnId: 'Name', renderHeaderCell: () => t('admin.roleName'), renderCell: (orgId) => name(orgId) }),
    createTableColumn<string>({
      columnId: 'Actions', renderHeaderCell: () => t('admin.actions'),
      renderCell: (orgId) => (
        <RowActions name={name(orgId)}>
          <MenuItem onClick={() => void act(() => unlinkRole(role, orgId), t('admin.unlinked', { name: name(orgId) }))}>{t('admin.unlink')}</MenuItem>
        </RowActions>
      ),
    }),
  ];

  return (
    <div className={styles.page}>
      <DetailHeading back={{ to: '/admin/roles', label: t('admin.rolesTitle') }} title={role.Name}>
        <Badge appearance="outline">{role.Code}</Badge>
        <Badge appearance="tint">{t(`admin.roleTypes.${role.Type}`)}</Badge>
      </DetailHeading>
      <OutcomeBar outcome={outcome} />
      <RoleSettings role={role} roles={roles.data} onSave={(change) => act(() => changeRole(role, change), t('admin.roleSaved', { name: change.Name }))} />

      <section aria-labelledby="role-members" className={styles.page}>
        <Title3 as="h2" id="role-members">{t('admin.members')}</Title3>
        <div className={styles.tools}>
          <Button appearance="primary" icon={<AddRegular />} onClick={() => setAdding(true)}>{t('admin.addMember')}</Button>
        </div>
        {members.isError ? <ErrorState error={members.error} onRetry={() => void members.refetch()} /> : (
          <ItemGrid minWidth="480px" items={members.data ?? []} columns={memberColumns} getRowId={(u: AdminUser) => u.Id}
            label={t('admin.membersOf', { name: role.Name })} controls={['Actions']} />
        )}
      </section>

      {role.Type === 'FunctionalRole' && (
        <section aria-labelledby="role-links" className={styles.page}>
          <Title3 as="h2" id="role-links">{t('admin.linkedRoles')}</Title3>
          <div className={styles.tools}>
            <Button icon={<AddRegular />} onClick={() => setLinking(true)}>{t('admin.linkRole')}</Button>
          </div>
          <ItemGrid minWidth="320px" items={role.LinkedOrgRoleIds} columns={linkColumns} getRowId={(orgId: string) => orgId}
            label={t('admin.linkedRoles')} controls={['Actions']} />
        </section>
      )}

      <div className={styles.tools}>
        <Button icon={<DeleteRegular />} onClick={() => setDeleting(true)}>{t('admin.deleteRole')}</Button>
      </div>

      <MemberDialog open={adding} problem={errorOf(outcome)} role={role} onClose={() => setAdding(false)}
        onAdd={(user) => act(() => addMember(role, { Id: user.id }), t('admin.memberAdded', { name: user.text, role: role.Name }))} />
      <LinkDialog open={linking} problem={errorOf(outcome)} role={role} roles={roles.data} onClose={() => setLinking(false)}
        onLink={(orgId) => act(() => linkRole(role, orgId), t('admin.linked', { name: name(orgId) }))} />
      <ConfirmDialog open={deleting} title={t('admin.deleteRoleTitle', { name: role.Name })} text={t('admin.deleteRoleText')}
        confirm={t('admin.deleteRole')} onClose={() => setDeleting(false)}
        onConfirm={() => void act(() => deleteRole(role), t('admin.roleDeleted', { name: role.Name })).then((ok) => {
          setDeleting(false);
          if (ok) navigate('/admin/roles');
        })} />
    </div>
  );
}

function RoleSettings({ role, roles, onSave }: {
  role: Role; roles: Role[]; onSave: (change: { Name: string; ParentRoleId: string | null; Active: boolean }) => Promise<boolean>;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const initial = () => ({ Name: role.Name, ParentRoleId: role.ParentRoleId, Active: role.Active });
  const [form, setForm] = useState(initial);
  const { busy, submit: send } = useSubmit();
  // the role changed (saved here or elsewhere): the form starts from what it is now
  useEffect(() => setForm(initial()), [role.Name, role.ParentRoleId, role.Active]);
  const parents = parentCandidates(roles, role.Type, role);
  const save = () => void send(() => onSave({ ...form, Name: form.Name.trim() }));
  return (
    <Card>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} aria-labelledby="role-settings">
        <Title3 as="h2" id="role-settings">{t('designer.settings')}</Title3>
        <div className={styles.form}>
          <Field label={t('admin.roleName')} required>
            <Input value={form.Name} onChange={(_, d) => setForm({ ...form, Name: d.value })} />
          </Field>
          <ParentField parents={parents} value={parents.find((r) => r.Id === form.ParentRoleId) ?? null}
            onChange={(ParentRoleId) => setForm({ ...form, ParentRoleId })} />
          <Switch label={t('admin.active')} checked={form.Active} onChange={(_, d) => setForm({ ...form, Active: d.checked })} />
        </div>
        <div className={styles.save}>
          <Button appearance="primary" type="submit" disabled={busy || !form.Name.trim()}>{t('form.save')}</Button>
        </div>
      </form>
    </Card>
  );
}

function MemberDialog({ open, role, onClose, onAdd, problem }: { open: boolean; problem?: string; role: Role; onClose: () => void; onAdd: (user: Choice) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [user, setUser] = useState<Choice | null>(null);
  const { busy, submit: send } = useSubmit();
  const submit = () => {
    if (!user) return;
    void send(() => onAdd(user), () => {
      setUser(null);
      onClose();
    });
  };
  return (
    <FormDialog busy={busy} problem={problem} open={open} title={t('admin.addMemberTo', { name: role.Name })} submit={t('designer.add')} ready={!!user}
      onSubmit={() => void submit()} onClose={onClose}>
      <Field label={t('admin.user')} required>
        <UnitPicker of="users" value={user} onChange={setUser} />
      </Field>
    </FormDialog>
  );
}

function LinkDialog({ open, role, roles, onClose, onLink, problem }: {
  open: boolean; problem?: string; role: Role; roles: Role[]; onClose: () => void; onLink: (orgRoleId: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [orgId, setOrgId] = useState('');
  const { busy, submit: send } = useSubmit();
  const candidates = roles.filter((r) => r.Type !== 'FunctionalRole' && !role.LinkedOrgRoleIds.includes(r.Id))
    .sort((a, b) => a.Name.localeCompare(b.Name));
  const submit = () => {
    void send(() => onLink(orgId), () => {
      setOrgId('');
      onClose();
    });
  };
  return (
    <FormDialog busy={busy} problem={problem} open={open} title={t('admin.linkRoleTo', { name: role.Name })} submit={t('admin.link')} ready={!!orgId}
      onSubmit={() => void submit()} onClose={onClose}>
      <Field label={t('admin.organisationalRole')} required>
        <Dropdown value={candidates.find((r) => r.Id === orgId)?.Name ?? ''} selectedOptions={orgId ? [orgId] : []}
          onOptionSelect={(_, d) => setOrgId(d.optionValue ?? '')}>
          {candidates.map((r) => <Option key={r.Id} value={r.Id}>{r.Name}</Option>)}
        </Dropdown>
      </Field>
    </FormDialog>
  );
}
