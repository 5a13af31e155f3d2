// Administration: licences (operation CanManageLicUsers). What the installation holds (its instance
// id, the licence in force or the trial, each product with what is owned, assigned and left, and
// its validity), the request file for the vendor, the upload of the licence file the vendor sent,
// and per named product its holders: users and roles it is granted to, granted and recalled here.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Field, Link, MenuItem, MessageBar, MessageBarBody, SpinButton, Spinner, Text, Title1, Title3,
  createTableColumn, makeStyles, type TableColumnDefinition } from '@fluentui/react-components';
import { AddRegular, ArrowDownloadRegular, ArrowUploadRegular } from '@fluentui/react-icons';
import { ApiError, request } from '../../lib/http';
import { userLocale } from '../../lib/i18n';
import { ErrorState } from '../../components/ErrorState';
import { DetailHeading } from '../../components/DetailHeading';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { Facts, Fact } from '../../components/Facts';
import { ItemGrid } from '../../components/ItemGrid';
import { RowActions } from '../../components/RowActions';
import { usePageStyles } from '../../components/pageStyles';
import { OutcomeBar, errorOf, useOutcome } from '../../components/useOutcome';
import type { Choice } from '../../components/SearchCombobox';
import { UnitPicker } from './UnitPicker';
import { PRODUCTS, fetchHolders, fetchSummary, grantLicence, licenceKeys, recallLicence, requestUrl, uploadLicence,
  type Holder, type Product } from './licences';

const useStyles = makeStyles({
  hidden: { display: 'none' },
});

function useSummary() {
  return useQuery({ queryKey: licenceKeys.all, queryFn: ({ signal }) => fetchSummary(signal) });
}

const day = (iso: string) => new Date(iso).toLocaleDateString(userLocale(), { dateStyle: 'medium' });

/** Hands the browser a file to save. */
function save(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function LicencesPage() {
  const styles = { ...usePageStyles(), ...useStyles() };
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const summary = useSummary();
  const [requesting, setRequesting] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const { outcome, act } = useOutcome(() => client.invalidateQueries({ queryKey: licenceKeys.all }));

  const upload = async (chosen: File | undefined) => {
    if (!chosen) return;
    const text = await chosen.text();
    if (file.current) file.current.value = ''; // the same file may be chosen again
    await act(() => uploadLicence(text), t('admin.licenceInstalled', { name: chosen.name }));
  };
  const columns: TableColumnDefinition<Product>[] = [
    createTableColumn<Product>({
      columnId: 'Product', renderHeaderCell: () => t('admin.product'),
      renderCell: (p) => p.Type === 'Named'
        ? <Link href={`#/admin/licences/${p.Code}`} onClick={(e) => { e.preventDefault(); navigate(`/admin/licences/${p.Code}`); }}>{p.Code}</Link>
        : p.Code,
    }),
    createTableColumn<Product>({ columnId: 'Type', renderHeaderCell: () => t('admin.type'), renderCell: (p) => t(`admin.licenceTypes.${p.Type}`) }),
    createTableColumn<Product>({ columnId: 'Owned', renderHeaderCell: () => t('admin.owned'), renderCell: (p) => p.Owned ?? t('admin.everyone') }),
    createTableColumn<Product>({ columnId: 'Assigned', renderHeaderCell: () => t('admin.assigned'), renderCell: (p) => p.Assigned ?? '' }),
    createTableColumn<Product>({ columnId: 'Available', renderHeaderCell: () => t('admin.available'), renderCell: (p) => p.Available ?? '' }),
    createTableColumn<Product>({
      columnId: 'Valid', renderHeaderCell: () => t('admin.valid'),
      renderCell: (p) => t('admin.validRange', { from: day(p.ValidFrom), to: day(p.ValidTo) }),
    }),
  ];
  return (
    <div className={styles.page}>
      <Title1 as="h1">{t('admin.licences')}</Title1>
      <div className={styles.tools}>
        <Button appearance="primary" icon={<ArrowUploadRegular />} onClick={() => file.current?.click()}>{t('admin.uploadLicence')}</Button>
        <input ref={file} className={styles.hidden} type="file" accept=".json,application/json,text/plain" aria-label={t('admin.licenceFile')}
          onChange={(e) => void upload(e.target.files?.[0])} />
        <Button icon={<ArrowDownloadRegular />} onClick={() => setRequesting(true)}>{t('admin.requestLicence')}</Button>
        {summary.isFetching && <Spinner size="tiny" aria-label={t('app.loading')} />}
      </div>
      <OutcomeBar outcome={outcome} />
      {summary.isError ? <ErrorState error={summary.error} onRetry={() => void summary.refetch()} /> : summary.data && (
        <>
          {summary.data.OverAllocated && (
            <MessageBar intent="error" role="alert"><MessageBarBody>{t('admin.overAllocated')}</MessageBarBody></MessageBar>
          )}
          <Card>
            <Facts>
              <Fact term={t('admin.instanceId')} code>{summary.data.InstanceId}</Fact>
              <Fact term={t('admin.customerId')}>{summary.data.CustomerId || '—'}</Fact>
              <Fact term={t('admin.licenceInForce')} code>{summary.data.Trial ? t('admin.trial') : summary.data.LicenseId}</Fact>
            </Facts>
          </Card>
          <Title3 as="h2">{t('admin.products')}</Title3>
          <ItemGrid minWidth="640px" items={summary.data.Products} columns={columns} getRowId={(p: Product) => p.Code}
            label={t('admin.products')} controls={['Product']} />
        </>
      )}
      <RequestDialog open={requesting} onClose={() => setRequesting(false)} problem={errorOf(outcome)}
        onRequest={(url) => act(async () => save('atrium-licence-request.json', JSON.stringify(await request<unknown>(url), null, 2)),
          t('admin.requestSaved'))} />
    </div>
  );
}

function RequestDialog({ open, onClose, onRequest, problem }: {
  open: boolean; onClose: () => void; onRequest: (url: string) => Promise<boolean>; problem?: string;
}) {
  const { t } = useTranslation();
  const [counts, setCounts] = useState<Record<string, number>>({});
  const { busy, submit: send } = useSubmit();
  const url = requestUrl(counts);
  const submit = () => {
    if (!url) return;
    void send(() => onRequest(url), onClose);
  };
  return (
    <FormDialog busy={busy} open={open} title={t('admin.requestLicence')} submit={t('admin.download')} ready={!!url}
      onSubmit={() => void submit()} onClose={onClose} problem={problem}>
      <Text>{t('admin.requestHint')}</Text>
      {PRODUCTS.map((code) => (
        <Field key={code} label={t('admin.usersOf', { product: code })}>
          <SpinButton min={0} max={100000} value={counts[code] ?? 0}
            onChange={(_, d) => setCounts({ ...counts, [code]: Math.max(0, Number(d.value ?? d.displayValue ?? 0) || 0) })} />
        </Field>
      ))}
    </FormDialog>
  );
}

export function LicencePage() {
  const styles = usePageStyles();
  const { t } = useTranslation();
  const client = useQueryClient();
  const { product = '' } = useParams();
  const summary = useSummary();
  const holders = useQuery({ queryKey: licenceKeys.holders(product), queryFn: ({ signal }) => fetchHolders(product, signal) });
  const [granting, setGranting] = useState(false);
  // the holders' key is under the summary's: both are read again
  const { outcome, act } = useOutcome(() => client.invalidateQueries({ queryKey: licenceKeys.all }));
  if (summary.isPending) return <Spinner label={t('app.loading')} />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  const held = summary.data.Products.find((p) => p.Code === product && p.Type === 'Named');
  if (!held) return <ErrorState error={new ApiError(404, 'NOT_FOUND', t('admin.noSuchProduct'))} />;
  const columns: TableColumnDefinition<Holder>[] = [
    createTableColumn<Holder>({ columnId: 'Name', renderHeaderCell: () => t('admin.grantee'), renderCell: (h) => h.Name }),
    createTableColumn<Holder>({ columnId: 'Kind', renderHeaderCell: () => t('admin.type'), renderCell: (h) => h.Kind === 'Role' ? t('admin.role') : t('admin.user') }),
    createTableColumn<Holder>({ columnId: 'Users', renderHeaderCell: () => t('admin.usersCovered'), renderCell: (h) => h.Users }),
    createTableColumn<Holder>({
      columnId: 'Actions', renderHeaderCell: () => t('admin.actions'),
      renderCell: (h) => (
        <RowActions name={h.Name}>
          <MenuItem onClick={() => void act(() => recallLicence(product, h.HolderId), t('admin.recalled', { name: h.Name }))}>{t('admin.recall')}</MenuItem>
        </RowActions>
      ),
    }),
  ];
  return (
    <div className={styles.page}>
      <DetailHeading back={{ to: '/admin/licences', label: t('admin.licences') }} title={product}>
        <Badge appearance="tint">{t('admin.licenceUse', { assigned: held.Assigned ?? 0, owned: held.Owned ?? 0 })}</Badge>
      </DetailHeading>
      <OutcomeBar outcome={outcome} />
      <div className={styles.tools}>
        <Button appearance="primary" icon={<AddRegular />} disabled={(held.Available ?? 0) <= 0} onClick={() => setGranting(true)}>
          {t('admin.grant')}
        </Button>
      </div>
      {holders.isError ? <ErrorState error={holders.error} onRetry={() => void holders.refetch()} /> : (
        <ItemGrid minWidth="480px" items={holders.data ?? []} columns={columns} getRowId={(h: Holder) => h.HolderId}
          label={t('admin.holdersOf', { product })} controls={['Actions']} />
      )}
      <HolderDialog open={granting} product={product} onClose={() => setGranting(false)} problem={errorOf(outcome)}
        onGrant={(unit) => act(() => grantLicence(product, unit.id), t('admin.licenceGranted', { name: unit.text, product }))} />
    </div>
  );
}

function HolderDialog({ open, product, onClose, onGrant, problem }: {
  open: boolean; product: string; onClose: () => void; onGrant: (unit: Choice) => Promise<boolean>; problem?: string;
}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<Choice | null>(null);
  const { busy, submit: send } = useSubmit();
  const submit = () => {
    if (!unit) return;
    void send(() => onGrant(unit), () => {
      setUnit(null);
      onClose();
    });
  };
  return (
    <FormDialog busy={busy} open={open} title={t('admin.grantLicence', { product })} submit={t('admin.grant')} ready={!!unit}
      onSubmit={() => void submit()} onClose={onClose} problem={problem}>
      <Field label={t('admin.grantee')} required>
        <UnitPicker of="units" value={unit} onChange={setUnit} />
      </Field>
    </FormDialog>
  );
}
