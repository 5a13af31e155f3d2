// A section's list: the object's columns from its metadata (chosen and ordered by the user),
// sorting by header, a quick filter on the primary display column, structured filters per column,
// server-side pages of 50 with the total ($top/$skip/$count), row selection with a bulk delete,
// export of the current view to CSV, and a new record when allowed. The columns, sort and filters
// are the user's and kept on the server (profile key list.<Object>).
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Button,
  DataGrid,
  Link,
  MessageBar,
  MessageBarBody,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  SearchBox,
  Spinner,
  Text,
  Toolbar,
  createTableColumn,
  makeStyles,
  tokens,
  type SortDirection,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { AddRegular, ArrowDownloadRegular, DeleteRegular, TableSettingsRegular } from '@fluentui/react-icons';
import { ApiError, request } from '../../lib/http';
import { toCsv } from './csv';
import { buildListQuery } from './query';
import { ErrorState } from '../../components/ErrorState';
import { useDebounced } from '../../components/useDebounced';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { userLocale } from '../../lib/i18n';
import { Pager } from '../../components/Pager';
import { useGridStyles } from '../../components/ItemGrid';
import { WorkProgress } from '../../components/WorkProgress';
import { useRecordPage } from './api';
import { ODATA_JSON } from './requests';
import { cellText, defaultListColumns } from './columns';
import { column } from './odata';
import type { ListQuery, ObjectView, RecordRow, SortOrder } from './types';
import { PAGE_SIZE, SETTINGS_PREFIX, initialList, settingsKey, settingsSort, type ListFilter, type ListSettings } from './filters';
import { ColumnChooser } from './ColumnChooser';
import { FilterBar } from './FilterBar';
import { saveProfileEntry } from '../../lib/profile';

/** Rows one export reads at most, in pages of EXPORT_PAGE (the server's row limit is 20,000 a request). */
const EXPORT_LIMIT = 20_000;
const EXPORT_PAGE = 1_000;

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  search: { flexGrow: 1, maxWidth: '360px' },
  table: { minWidth: '640px' },
});

export function ListPage({ view, kept }: { view: ObjectView; kept?: ListSettings }) {
  const styles = useStyles();
  const grid = useGridStyles();
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const quick = useDebounced(typed, 300).trim();
  const start = useMemo(() => initialList(view, kept), [view, kept]);
  const [shown, setShown] = useState<string[]>(start.columns);
  const [sort, setSort] = useState<SortOrder | undefined>(start.sort);
  const [filters, setFilters] = useState<ListFilter[]>(start.filters);
  const [choosing, setChoosing] = useState(false);
  // The page and the selection belong to one filter and order: another one starts at its first page, nothing selected.
  const identity = JSON.stringify([quick, sort, filters]);
  const [paging, setPaging] = useState({ identity, page: 0 });
  const page = paging.identity === identity ? paging.page : 0;
  const query: ListQuery = { columns: shown, sort, quick, filters, page, pageSize: PAGE_SIZE };
  const records = useRecordPage(view, query);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [selection, setSelection] = useState({ of: `${identity}:${page}`, ids: new Set<string>() });
  const selected = selection.of === `${identity}:${page}` ? selection.ids : new Set<string>();
  const setSelected = (ids: Set<string>) => setSelection({ of: `${identity}:${page}`, ids });
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  /** How many records an export under way has read so far. */
  const [exported, setExported] = useState<number | null>(null);

  /** Applies a change of columns, sort or filters and keeps the result for the user on the server. */
  const keep = (change: { columns?: string[]; sort?: SortOrder | undefined; filters?: ListFilter[] }) => {
    const next = { columns: shown, sort, filters, ...change };
    if (change.columns) setShown(change.columns);
    if ('sort' in change) setSort(change.sort);
    if (change.filters) setFilters(change.filters);
    const settings: ListSettings = { Columns: next.columns, Sort: settingsSort(next.sort), Filters: next.filters };
    saveProfileEntry(queryClient, SETTINGS_PREFIX, settingsKey(view.Name), settings)
      .catch((e) => setOutcome({ intent: 'error', text: t('list.settingsNotSaved', { reason: e instanceof ApiError ? e.message : '' }) }));
  };

  const formatter = { yes: t('list.yes'), no: t('list.no'), locale: userLocale() };
  const numbers = new Intl.NumberFormat(formatter.locale);
  const columns: TableColumnDefinition<RecordRow>[] = shown.map((name) => {
    const c = column(view, name)!;
    return createTableColumn<RecordRow>({
      columnId: c.Name,
      // sorted by the server; Fluent takes a column as sortable when its compare has parameters
      compare: (_a: RecordRow, _b: RecordRow) => 0,
      renderHeaderCell: () => c.Caption,
      renderCell: (row) => c.Name === view.PrimaryDisplayColumn
        ? <Link href={`#/${view.Name}/${row.Id}`}>{cellText(c, row, formatter) || row.Id}</Link>
        : cellText(c, row, formatter),
    });
  });

  const total = records.data?.total ?? 0;
  const rows = records.data?.rows ?? [];
  // the range of the rows on screen, which are the previous page's while the next loads
  const shownPage = records.data?.page ?? page;

  /** Deletes the selected records in one JSON $batch; each is refused or deleted on its own. */
  const deleteSelected = async () => {
    setBusy(true);
    const byId = new Map(rows.map((r) => [r.Id, r]));
    const ids = [...selected];
    try {
      const answer = await request<{ responses: { id: string; status: number; body?: { error?: { message?: string } } }[] }>(
        '/0/odata/$batch', {
          method: 'POST',
          headers: { Accept: 'application/json', Prefer: 'odata.continue-on-error' },
          body: { requests: ids.map((id, i) => ({ id: String(i), method: 'DELETE', url: `${view.Name}(${id})`,
            headers: { 'If-Match': String(byId.get(id)?.['@odata.etag'] ?? '*') } })) },
        });
      const failed = answer.responses.filter((r) => r.status >= 400);
      const done = ids.length - failed.length;
      setOutcome(failed.length === 0 ? { intent: 'success', text: t('list.deleted', { count: done }) }
        : { intent: 'error', text: `${done ? t('list.deleted', { count: done }) + ' ' : ''}${t('list.notDeleted',
          { count: failed.length, reason: failed[0].body?.error?.message ?? '' })}` });
    } catch (e) {
      setOutcome({ intent: 'error', text: e instanceof ApiError ? e.message : t('form.saveFailed') });
    } finally {
      setBusy(false);
      setConfirming(false);
      setSelected(new Set());
      await queryClient.invalidateQueries({ queryKey: ['records', view.Name] });
    }
  };

  /** The current view (filter and order, every page) as a CSV download. */
  const exportCsv = async () => {
    setBusy(true);
    const wanted = Math.min(total, EXPORT_LIMIT);
    setExported(0);
    try {
      const all: RecordRow[] = [];
      for (let at = 0; at === 0 || all.length < wanted; at++) {
        const chunk = await request<{ value: RecordRow[] }>(`/0/odata/${view.Name}?${buildListQuery(view,
          { ...query, page: at, pageSize: EXPORT_PAGE })}`, { headers: { Accept: ODATA_JSON } });
        all.push(...chunk.value);
        setExported(Math.min(all.length, wanted));
        if (chunk.value.length < EXPORT_PAGE) break;
      }
      const csv = toCsv(shown.map((n) => column(view, n)!), all.slice(0, EXPORT_LIMIT), formatter);
      const url = URL.createObjectURL(new Blob(['\ufeff' + csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${view.SectionCaption ?? view.Name}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setOutcome({ intent: 'error', text: e instanceof ApiError ? e.message : t('app.loadFailed') });
    } finally {
      setBusy(false);
      setExported(null);
    }
  };

  return (
    <>
      <Toolbar className={styles.bar} aria-label={t('list.tools')}>
        <SearchBox className={styles.search} value={typed} onChange={(_, d) => setTyped(d.value)}
          aria-label={t('list.quickFilter')} placeholder={t('list.quickFilter')} />
        {view.Rights.Create && (
          <Button appearance="primary" icon={<AddRegular />} onClick={() => navigate(`/${view.Name}/new`)}>
            {t('list.new', { object: view.Caption })}
          </Button>
        )}
        {view.Rights.Delete && selected.size > 0 && (
          <Button icon={<DeleteRegular />} onClick={() => setConfirming(true)} disabled={busy}>
            {t('list.deleteSelected', { count: selected.size })}
          </Button>
        )}
        <Button icon={<TableSettingsRegular />} onClick={() => setChoosing(true)}>{t('list.columns')}</Button>
        <Button icon={<ArrowDownloadRegular />} onClick={() => void exportCsv()} disabled={busy || total === 0}>{t('list.export')}</Button>
        {(records.isFetching || busy) && <Spinner size="tiny" aria-label={t('app.loading')} />}
      </Toolbar>
      <WorkProgress active={exported !== null} value={exported === null ? undefined : exported / Math.max(1, Math.min(total, EXPORT_LIMIT))}
        label={t('list.exporting', { done: numbers.format(exported ?? 0), total: numbers.format(Math.min(total, EXPORT_LIMIT)) })} />
      <FilterBar view={view} filters={filters} formatter={formatter} onChange={(next) => keep({ filters: next })} />
      {outcome && <MessageBar intent={outcome.intent} role={outcome.intent === 'error' ? 'alert' : 'status'}>
        <MessageBarBody>{outcome.text}</MessageBarBody></MessageBar>}
      {records.isError ? <ErrorState error={records.error} onRetry={() => void records.refetch()} /> : (
        <div className={grid.scroller}>
          <DataGrid
            className={styles.table}
            items={rows}
            columns={columns}
            getRowId={(row: RecordRow) => row.Id}
            sortable
            selectionMode={view.Rights.Delete ? 'multiselect' : undefined}
            selectedItems={selected}
            onSelectionChange={(_, data) => setSelected(new Set([...data.selectedItems].map(String)))}
            sortState={sort ? { sortColumn: sort.column, sortDirection: sort.direction === 'asc' ? 'ascending' : 'descending' } : undefined}
            onSortChange={(_, state: { sortColumn: string | number | undefined; sortDirection: SortDirection }) =>
              keep({ sort: state.sortColumn === undefined ? undefined
                : { column: String(state.sortColumn), direction: state.sortDirection === 'ascending' ? 'asc' : 'desc' } })}
            aria-label={view.SectionCaption ?? view.Caption}
            aria-rowcount={total + 1}
          >
            <DataGridHeader>
              <DataGridRow selectionCell={view.Rights.Delete ? { checkboxIndicator: { 'aria-label': t('list.selectAll') } } : undefined}>
                {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
              </DataGridRow>
            </DataGridHeader>
            {/* the record's link, not its cell, is the arrow keys' stop (see components/ItemGrid) */}
            <DataGridBody<RecordRow>>
              {({ item, rowId }) => (
                <DataGridRow<RecordRow> key={rowId} className={grid.row} selectionCell={view.Rights.Delete ? { checkboxIndicator: { 'aria-label': t('list.selectRow',
                  { name: String(item[view.PrimaryDisplayColumn ?? 'Id'] ?? item.Id) }) } } : undefined}>
                  {({ renderCell, columnId }) => (
                    <DataGridCell focusMode={columnId === view.PrimaryDisplayColumn ? 'none' : 'cell'}>{renderCell(item)}</DataGridCell>
                  )}
                </DataGridRow>
              )}
            </DataGridBody>
          </DataGrid>
          {!records.isPending && rows.length === 0 && <Text as="p" role="status">{t('list.empty')}</Text>}
        </div>
      )}
      <ColumnChooser open={choosing} view={view} shown={shown} defaults={defaultListColumns(view)}
        onApply={(columns) => { keep({ columns }); setChoosing(false); }} onClose={() => setChoosing(false)} />
      <ConfirmDialog open={confirming} title={t('list.deleteSelectedTitle', { count: selected.size })} text={t('form.deleteText')} confirm={t('form.delete')}
        busy={busy} working={t('list.deleting', { count: selected.size })} onConfirm={() => void deleteSelected()} onClose={() => setConfirming(false)} />
      <Pager page={page} shownPage={shownPage} size={PAGE_SIZE} total={total} onPage={(next) => setPaging({ identity, page: next })} />
    </>
  );
}
