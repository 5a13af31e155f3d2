// Administration: roles (operation CanManageUsers). The organisational roles (organisation,
// division, manager role, team) as the tree they form and the functional roles (job titles) as
// theirs, each row indented under its parent, with its code, type and state; "New role" creates
// one under a parent of its kind. A role's name opens its page (RolePage): members, links, settings.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Dropdown, Field, Input, Link, Option, Spinner, Title1, Title3, createTableColumn, makeStyles,
  type TableColumnDefinition } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { ErrorState } from '../../components/ErrorState';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { ItemGrid } from '../../components/ItemGrid';
import { usePageStyles } from '../../components/pageStyles';
import { OutcomeBar, errorOf, useOutcome } from '../../components/useOutcome';
import { ROLE_TYPES, createRole, fetchRoles, parentCandidates, roleKeys, roleTrees, type NewRole, type Role, type RoleNode, type RoleType } from './roles';

const useStyles = makeStyles({
  indent: { display: 'inline-block' },
});

/** A row of a tree shown as a grid: the role and how deep it sits. */
interface Row {
  role: Role;
  depth: number;
}

function flatten(nodes: RoleNode[], depth = 0): Row[] {
  return nodes.flatMap((n) => [{ role: n.role, depth }, ...flatten(n.children, depth + 1)]);
}

export function RolesPage() {
  const styles = { ...usePageStyles(), ...useStyles() };
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const roles = useQuery({ queryKey: roleKeys.all, queryFn: ({ signal }) => fetchRoles(signal) });
  const { outcome, act } = useOutcome(() => client.invalidateQueries({ queryKey: roleKeys.all }));

  const columns: TableColumnDefinition<Row>[] = [
    createTableColumn<Row>({
      columnId: 'Name', renderHeaderCell: () => t('admin.roleName'),
      renderCell: ({ role, depth }) => (
        <span>
          <span className={styles.indent} style={{ width: `${depth * 20}px` }} aria-hidden />
          <Link href={`#/admin/roles/${role.Id}`} onClick={(e) => { e.preventDefault(); navigate(`/admin/roles/${role.Id}`); }}>{role.Name}</Link>
        </span>
      ),
    }),
    createTableColumn<Row>({ columnId: 'Code', renderHeaderCell: () => t('admin.code'), renderCell: ({ role }) => role.Code }),
    createTableColumn<Row>({ columnId: 'Type', renderHeaderCell: () => t('admin.type'), renderCell: ({ role }) => t(`admin.roleTypes.${role.Type}`) }),
    createTableColumn<Row>({
      columnId: 'State', renderHeaderCell: () => t('admin.state'),
      renderCell: ({ role }) => <Badge appearance="tint" color={role.Active ? 'success' : 'subtle'}>{role.Active ? t('admin.active') : t('admin.inactive')}</Badge>,
    }),
  ];
  const trees = roleTrees(roles.data ?? []);
  const create = async (role: NewRole) => {
    let created: Role | undefined;
    const ok = await act(async () => { created = await createRole(role); }, t('admin.roleCreated', { name: role.Name }));
    if (ok && created) navigate(`/admin/roles/${created.Id}`);
    return ok;
  };

  return (
    <div className={styles.page}>
      <Title1 as="h1">{t('admin.rolesTitle')}</Title1>
      <div className={styles.tools}>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)}>{t('admin.newRole')}</Button>
        {roles.isFetching && <Spinner size="tiny" aria-label={t('app.loading')} />}
      </div>
      <OutcomeBar outcome={outcome} />
      {roles.isError ? <ErrorState error={roles.error} onRetry={() => void roles.refetch()} /> : (
        <>
          <Title3 as="h2">{t('admin.organisationalRoles')}</Title3>
          <ItemGrid minWidth="560px" items={flatten(trees.organisational)} columns={columns} getRowId={(r: Row) => r.role.Id}
            label={t('admin.organisationalRoles')} controls={['Name']} />
          <Title3 as="h2">{t('admin.functionalRoles')}</Title3>
          <ItemGrid minWidth="560px" items={flatten(trees.functional)} columns={columns} getRowId={(r: Row) => r.role.Id}
            label={t('admin.functionalRoles')} controls={['Name']} />
        </>
      )}
      <NewRoleDialog open={creating} problem={errorOf(outcome)} roles={roles.data ?? []} onClose={() => setCreating(false)} onCreate={create} />
    </div>
  );
}

function NewRoleDialog({ open, roles, onClose, onCreate, problem }: {
  open: boolean; problem?: string; roles: Role[]; onClose: () => void; onCreate: (role: NewRole) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const empty: NewRole = { Name: '', Code: '', Type: 'Team', ParentRoleId: null };
  const [role, setRole] = useState<NewRole>(empty);
  const { busy, submit: send } = useSubmit();
  const parents = parentCandidates(roles, role.Type);
  const parent = parents.find((r) => r.Id === role.ParentRoleId);
  const submit = () => {
    void send(() => onCreate({ ...role, Name: role.Name.trim(), Code: role.Code.trim() }), () => {
      setRole(empty);
      onClose();
    });
  };
  return (
    <FormDialog busy={busy} problem={problem} open={open} title={t('admin.newRole')} submit={t('form.create')} ready={!!role.Name.trim() && !!role.Code.trim()}
      onSubmit={() => void submit()} onClose={onClose}>
      <Field label={t('admin.roleName')} required>
        <Input value={role.Name} onChange={(_, d) => setRole({ ...role, Name: d.value })} autoComplete="off" />
      </Field>
      <Field label={t('admin.code')} required hint={t('admin.codeHint')}>
        <Input value={role.Code} onChange={(_, d) => setRole({ ...role, Code: d.value })} autoComplete="off" />
      </Field>
      <Field label={t('admin.type')}>
        <Dropdown value={t(`admin.roleTypes.${role.Type}`)} selectedOptions={[role.Type]}
          onOptionSelect={(_, d) => {
            const type = (d.optionValue ?? role.Type) as RoleType;
            // a functional role sits under a functional role, an organisational one under an organisational one
            setRole({ ...role, Type: type, ParentRoleId: (type === 'FunctionalRole') === (role.Type === 'FunctionalRole') ? role.ParentRoleId : null });
          }}>
          {ROLE_TYPES.map((type) => <Option key={type} value={type}>{t(`admin.roleTypes.${type}`)}</Option>)}
        </Dropdown>
      </Field>
      <ParentField parents={parents} value={parent ?? null} onChange={(id) => setRole({ ...role, ParentRoleId: id })} />
    </FormDialog>
  );
}

/** The parent of a role: one of the candidates, or none (a root). */
export function ParentField({ parents, value, onChange, disabled }: {
  parents: Role[]; value: Role | null; onChange: (id: string | null) => void; disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t('admin.parentRole')}>
      <Dropdown value={value?.Name ?? t('admin.noParent')} selectedOptions={[value?.Id ?? '']} disabled={disabled}
        onOptionSelect={(_, d) => onChange(d.optionValue || null)}>
        <Option value="">{t('admin.noParent')}</Option>
        {parents.map((r) => <Option key={r.Id} value={r.Id}>{r.Name}</Option>)}
      </Dropdown>
    </Field>
  );
}
