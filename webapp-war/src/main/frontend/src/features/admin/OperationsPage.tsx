// Administration: operation grants (operation CanManageAdministration). Every operation with the
// users and roles allowed it and those denied it; an operation's name opens its page, where a
// grant is given to a user or role (allowed or denied), changed, or taken back. A user's own grant
// or denial decides; otherwise any role they hold that is allowed grants it (docs/identity.md).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Field, Link, MenuItem, Radio, RadioGroup, SearchBox, Spinner, Text, Title1, createTableColumn,
  type TableColumnDefinition } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { ApiError } from '../../lib/http';
import { ErrorState } from '../../components/ErrorState';
import { DetailHeading } from '../../components/DetailHeading';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { ItemGrid } from '../../components/ItemGrid';
import { RowActions } from '../../components/RowActions';
import { usePageStyles } from '../../components/pageStyles';
import { OutcomeBar, errorOf, useOutcome } from '../../components/useOutcome';
import type { Choice } from '../../components/SearchCombobox';
import { UnitPicker } from './UnitPicker';
import { fetchOperations, grant, revoke, roleKeys, type Grantee, type Operation } from './roles';

function useOperations() {
  return useQuery({ queryKey: roleKeys.operations, queryFn: ({ signal }) => fetchOperations(signal) });
}

/** Who is allowed it and who is denied it, by name. */
function Grants({ grantees }: { grantees: Grantee[] }) {
  const styles = usePageStyles();
  const { t } = useTranslation();
  return (
    <span className={styles.badges}>
      {[...grantees].sort((a, b) => a.Name.localeCompare(b.Name)).map((g) => (
        <Badge key={g.AdminUnitId} appearance="tint" color={g.CanExecute ? 'success' : 'danger'}>
          {g.CanExecute ? g.Name : t('admin.deniedTo', { name: g.Name })}
        </Badge>
      ))}
    </span>
  );
}

export function OperationsPage() {
  const styles = usePageStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const operations = useOperations();
  const [typed, setTyped] = useState('');
  const term = typed.trim().toLowerCase();
  const rows = (operations.data ?? []).filter((o) => !term || o.Name.toLowerCase().includes(term) || o.Code.toLowerCase().includes(term))
    .sort((a, b) => a.Name.localeCompare(b.Name));
  const columns: TableColumnDefinition<Operation>[] = [
    createTableColumn<Operation>({
      columnId: 'Name', renderHeaderCell: () => t('admin.operation'),
      renderCell: (o) => <Link href={`#/admin/operations/${o.Code}`} onClick={(e) => { e.preventDefault(); navigate(`/admin/operations/${o.Code}`); }}>{o.Name}</Link>,
    }),
    createTableColumn<Operation>({ columnId: 'Code', renderHeaderCell: () => t('admin.code'), renderCell: (o) => o.Code }),
    createTableColumn<Operation>({ columnId: 'Grantees', renderHeaderCell: () => t('admin.grantedTo'), renderCell: (o) => <Grants grantees={o.Grantees} /> }),
  ];
  return (
    <div className={styles.page}>
      <Title1 as="h1">{t('admin.operations')}</Title1>
      <div className={styles.tools}>
        <SearchBox value={typed} onChange={(_, d) => setTyped(d.value)} aria-label={t('admin.searchOperations')} placeholder={t('admin.searchOperations')} />
        {operations.isFetching && <Spinner size="tiny" aria-label={t('app.loading')} />}
      </div>
      {operations.isError ? <ErrorState error={operations.error} onRetry={() => void operations.refetch()} /> : (
        <ItemGrid minWidth="640px" items={rows} columns={columns} getRowId={(o: Operation) => o.Code} label={t('admin.operations')} controls={['Name']} />
      )}
    </div>
  );
}

export function OperationPage() {
  const styles = usePageStyles();
  const { t } = useTranslation();
  const client = useQueryClient();
  const { code = '' } = useParams();
  const operations = useOperations();
  const [granting, setGranting] = useState(false);
  const { outcome, act } = useOutcome(() => client.invalidateQueries({ queryKey: roleKeys.operations }));
  if (operations.isPending) return <Spinner label={t('app.loading')} />;
  if (operations.isError) return <ErrorState error={operations.error} onRetry={() => void operations.refetch()} />;
  const operation = operations.data.find((o) => o.Code === code);
  if (!operation) return <ErrorState error={new ApiError(404, 'NOT_FOUND', t('admin.noSuchOperation'))} />;

  const columns: TableColumnDefinition<Grantee>[] = [
    createTableColumn<Grantee>({ columnId: 'Name', renderHeaderCell: () => t('admin.grantee'), renderCell: (g) => g.Name }),
    createTableColumn<Grantee>({
      columnId: 'Access', renderHeaderCell: () => t('admin.access'),
      renderCell: (g) => <Badge appearance="tint" color={g.CanExecute ? 'success' : 'danger'}>{g.CanExecute ? t('admin.allowed') : t('admin.denied')}</Badge>,
    }),
    createTableColumn<Grantee>({
      columnId: 'Actions', renderHeaderCell: () => t('admin.actions'),
      renderCell: (g) => (
        <RowActions name={g.Name}>
          {g.CanExecute
            ? <MenuItem onClick={() => void act(() => grant(code, g.AdminUnitId, false), t('admin.deniedNow', { name: g.Name }))}>{t('admin.deny')}</MenuItem>
            : <MenuItem onClick={() => void act(() => grant(code, g.AdminUnitId, true), t('admin.allowedNow', { name: g.Name }))}>{t('admin.allow')}</MenuItem>}
          <MenuItem onClick={() => void act(() => revoke(code, g.AdminUnitId), t('admin.revoked', { name: g.Name }))}>{t('admin.revoke')}</MenuItem>
        </RowActions>
      ),
    }),
  ];
  return (
    <div className={styles.page}>
      <DetailHeading back={{ to: '/admin/operations', label: t('admin.operations') }} title={operation.Name}>
        <Badge appearance="outline">{operation.Code}</Badge>
      </DetailHeading>
      <Text>{t('admin.grantRule')}</Text>
      <OutcomeBar outcome={outcome} />
      <div className={styles.tools}>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setGranting(true)}>{t('admin.grant')}</Button>
      </div>
      <ItemGrid minWidth="420px" items={[...operation.Grantees].sort((a, b) => a.Name.localeCompare(b.Name))} columns={columns}
        getRowId={(g: Grantee) => g.AdminUnitId} label={t('admin.granteesOf', { name: operation.Name })} controls={['Actions']} />
      <GrantDialog open={granting} problem={errorOf(outcome)} operation={operation} onClose={() => setGranting(false)}
        onGrant={(unit, allowed) => act(() => grant(code, unit.id, allowed),
          allowed ? t('admin.allowedNow', { name: unit.text }) : t('admin.deniedNow', { name: unit.text }))} />
    </div>
  );
}

function GrantDialog({ open, operation, onClose, onGrant, problem }: {
  open: boolean; problem?: string; operation: Operation; onClose: () => void; onGrant: (unit: Choice, allowed: boolean) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<Choice | null>(null);
  const [allowed, setAllowed] = useState(true);
  const { busy, submit: send } = useSubmit();
  const submit = () => {
    if (!unit) return;
    void send(() => onGrant(unit, allowed), () => {
      setUnit(null);
      setAllowed(true);
      onClose();
    });
  };
  return (
    <FormDialog busy={busy} problem={problem} open={open} title={t('admin.grantOf', { name: operation.Name })} submit={t('admin.grant')} ready={!!unit}
      onSubmit={() => void submit()} onClose={onClose}>
      <Field label={t('admin.grantee')} required>
        <UnitPicker of="units" value={unit} onChange={setUnit} />
      </Field>
      <Field label={t('admin.access')}>
        <RadioGroup value={allowed ? 'allow' : 'deny'} onChange={(_, d) => setAllowed(d.value === 'allow')}>
          <Radio value="allow" label={t('admin.allowed')} />
          <Radio value="deny" label={t('admin.denied')} />
        </RadioGroup>
      </Field>
    </FormDialog>
  );
}
