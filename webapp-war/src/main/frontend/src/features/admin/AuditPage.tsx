// Administration: the audit log (operation CanViewSysOperationAudit). Every security event the
// server records, newest first, 50 to a page: when, what, whether it succeeded, who did it, about
// whom or what, from which address. Filters for the event, the user or item it is about, who did
// it, the outcome and a range of days (whole days in the user's own time zone); they live in the
// page's address, so a filtered view survives a reload and can be sent on. Read only: the log is
// never changed from here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Dropdown, Field, Input, Option, Spinner, Text, Title1, createTableColumn, makeStyles, tokens,
  type TableColumnDefinition } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { formatMoment } from '../../lib/i18n';
import { ErrorState } from '../../components/ErrorState';
import { ItemGrid } from '../../components/ItemGrid';
import { Pager } from '../../components/Pager';
import { useDebounced } from '../../components/useDebounced';
import { usePageStyles } from '../../components/pageStyles';
import { AUDIT_PAGE, FILTER_KEYS, auditKeys, auditQuery, fetchAudit, fetchEventTypes, filterOf, type AuditEntry, type AuditFilter } from './audit';

const useStyles = makeStyles({
  filters: {
    display: 'grid', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, alignItems: 'end',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 200px), 1fr))',
  },
  // Fluent's dropdown is at least 250px wide by default; here it fills its column like the inputs
  choice: { minWidth: 0, width: '100%' },
  details: { overflowWrap: 'anywhere' },
});

export function AuditPage() {
  const styles = { ...usePageStyles(), ...useStyles() };
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const set = (key: keyof AuditFilter, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  // typing a name asks once it has stopped; the page belongs to one filter, another one starts at its first page
  const settled = useDebounced(params.toString(), 300);
  const [paging, setPaging] = useState({ settled, page: 0 });
  const page = paging.settled === settled ? paging.page : 0;
  const query = auditQuery(filterOf(new URLSearchParams(settled)), page);
  const entries = useQuery({ queryKey: auditKeys.page(query), queryFn: ({ signal }) => fetchAudit(query, signal),
    placeholderData: keepPreviousData });
  const eventTypes = useQuery({ queryKey: auditKeys.eventTypes, queryFn: ({ signal }) => fetchEventTypes(signal), staleTime: Infinity });
  const eventName = (type: string) => t(`admin.auditEvents.${type}`, { defaultValue: type });
  const outcomes: Record<string, string> = { '': t('admin.anyOutcome'), true: t('admin.auditSucceeded'), false: t('admin.auditFailed') };

  const columns: TableColumnDefinition<AuditEntry>[] = [
    createTableColumn<AuditEntry>({ columnId: 'When', renderHeaderCell: () => t('admin.when'), renderCell: (e) => formatMoment(e.CreatedOn) }),
    createTableColumn<AuditEntry>({ columnId: 'Event', renderHeaderCell: () => t('admin.event'), renderCell: (e) => eventName(e.EventType) }),
    createTableColumn<AuditEntry>({
      columnId: 'Outcome', renderHeaderCell: () => t('admin.outcome'),
      renderCell: (e) => <Badge appearance="tint" color={e.Success ? 'success' : 'danger'}>{e.Success ? t('admin.auditSucceeded') : t('admin.auditFailed')}</Badge>,
    }),
    createTableColumn<AuditEntry>({ columnId: 'Actor', renderHeaderCell: () => t('admin.actor'), renderCell: (e) => e.ActorName ?? '—' }),
    createTableColumn<AuditEntry>({ columnId: 'Target', renderHeaderCell: () => t('admin.target'), renderCell: (e) => e.TargetName ?? '—' }),
    createTableColumn<AuditEntry>({ columnId: 'Address', renderHeaderCell: () => t('admin.clientAddress'), renderCell: (e) => e.ClientAddress ?? '' }),
    createTableColumn<AuditEntry>({
      columnId: 'Details', renderHeaderCell: () => t('admin.details'),
      renderCell: (e) => <span className={styles.details}>{e.Details ?? ''}</span>,
    }),
  ];
  const total = entries.data?.Total ?? 0;
  const filtering = FILTER_KEYS.some((k) => filter[k]);
  return (
    <div className={styles.page}>
      <Title1 as="h1">{t('admin.audit')}</Title1>
      <div role="search" className={styles.filters} aria-label={t('admin.auditFilters')}>
        <Field label={t('admin.event')}>
          <Dropdown className={styles.choice} value={filter.event ? eventName(filter.event) : t('admin.anyEvent')} selectedOptions={[filter.event]}
            onOptionSelect={(_, d) => set('event', d.optionValue ?? '')}>
            <Option value="">{t('admin.anyEvent')}</Option>
            {(eventTypes.data ?? []).map((type) => <Option key={type} value={type}>{eventName(type)}</Option>)}
          </Dropdown>
        </Field>
        <Field label={t('admin.target')}>
          <Input value={filter.target} placeholder={t('admin.exactName')} onChange={(_, d) => set('target', d.value)} autoComplete="off" />
        </Field>
        <Field label={t('admin.actor')}>
          <Input value={filter.actor} placeholder={t('admin.exactName')} onChange={(_, d) => set('actor', d.value)} autoComplete="off" />
        </Field>
        <Field label={t('admin.outcome')}>
          <Dropdown className={styles.choice} value={outcomes[filter.outcome] ?? outcomes['']} selectedOptions={[filter.outcome]}
            onOptionSelect={(_, d) => set('outcome', d.optionValue ?? '')}>
            {Object.entries(outcomes).map(([value, caption]) => <Option key={value} value={value}>{caption}</Option>)}
          </Dropdown>
        </Field>
        <Field label={t('admin.fromDay')}>
          <Input type="date" value={filter.fromDay} max={filter.toDay || undefined} onChange={(_, d) => set('fromDay', d.value)} />
        </Field>
        <Field label={t('admin.toDay')}>
          <Input type="date" value={filter.toDay} min={filter.fromDay || undefined} onChange={(_, d) => set('toDay', d.value)} />
        </Field>
        <div className={styles.tools}>
          <Button icon={<DismissRegular />} disabled={!filtering} onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t('admin.clearFilters')}
          </Button>
          {entries.isFetching && <Spinner size="tiny" aria-label={t('app.loading')} />}
        </div>
      </div>
      {entries.isError ? <ErrorState error={entries.error} onRetry={() => void entries.refetch()} /> : (
        <ItemGrid minWidth="960px" items={entries.data?.Items ?? []} columns={columns} getRowId={(e: AuditEntry) => e.Id} label={t('admin.audit')} />
      )}
      {entries.isSuccess && total === 0 && <Text as="p" role="status">{t('admin.noAuditEntries')}</Text>}
      <Pager page={page} size={AUDIT_PAGE} total={total} onPage={(next) => setPaging({ settled, page: next })} />
    </div>
  );
}
