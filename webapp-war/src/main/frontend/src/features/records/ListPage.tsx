// A section's list: the object's columns from its metadata, sorting by header, a quick filter on
// the primary display column, and server-side pages of 50 with the total ($top/$skip/$count).
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  DataGrid,
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
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { ErrorState } from '../../components/ErrorState';
import { userLocale } from '../../lib/i18n';
import { useRecordPage } from './api';
import { cellText, defaultListColumns } from './columns';
import { column } from './query';
import type { ListQuery, ObjectView, RecordRow, SortOrder } from './types';

export const PAGE_SIZE = 50;

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  search: { flexGrow: 1, maxWidth: '360px' },
  grid: { overflowX: 'auto', backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
  table: { minWidth: '640px' },
  pager: { display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
});

/** Waits until the user stops typing. */
function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

export function ListPage({ view }: { view: ObjectView }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const quick = useDebounced(typed, 300);
  const [sort, setSort] = useState<SortOrder | undefined>(
    view.PrimaryDisplayColumn ? { column: view.PrimaryDisplayColumn, direction: 'asc' } : undefined);
  const [page, setPage] = useState(0);
  const shown = useMemo(() => defaultListColumns(view), [view]);
  const query: ListQuery = { columns: shown, sort, quick, page, pageSize: PAGE_SIZE };
  const records = useRecordPage(view, query);
  useEffect(() => setPage(0), [quick, sort?.column, sort?.direction]);

  const formatter = { yes: t('list.yes'), no: t('list.no'), locale: userLocale() };
  const columns: TableColumnDefinition<RecordRow>[] = shown.map((name) => {
    const c = column(view, name)!;
    return createTableColumn<RecordRow>({
      columnId: c.Name,
      compare: () => 0, // sorted by the server
      renderHeaderCell: () => c.Caption,
      renderCell: (row) => cellText(c, row, formatter),
    });
  });

  const total = records.data?.total ?? 0;
  const rows = records.data?.rows ?? [];
  const first = total === 0 ? 0 : page * PAGE_SIZE + 1;
  const last = Math.min(total, (page + 1) * PAGE_SIZE);

  return (
    <>
      <Toolbar className={styles.bar} aria-label={t('list.tools')}>
        <SearchBox className={styles.search} value={typed} onChange={(_, d) => setTyped(d.value)}
          aria-label={t('list.quickFilter')} placeholder={t('list.quickFilter')} />
        {records.isFetching && <Spinner size="tiny" aria-label={t('app.loading')} />}
      </Toolbar>
      {records.isError ? <ErrorState error={records.error} onRetry={() => void records.refetch()} /> : (
        <div className={styles.grid}>
          <DataGrid
            className={styles.table}
            items={rows}
            columns={columns}
            getRowId={(row: RecordRow) => row.Id}
            sortable
            sortState={sort ? { sortColumn: sort.column, sortDirection: sort.direction === 'asc' ? 'ascending' : 'descending' } : undefined}
            onSortChange={(_, state: { sortColumn: string | number | undefined; sortDirection: SortDirection }) =>
              setSort(state.sortColumn === undefined ? undefined
                : { column: String(state.sortColumn), direction: state.sortDirection === 'ascending' ? 'asc' : 'desc' })}
            aria-label={view.SectionCaption ?? view.Caption}
            aria-rowcount={total + 1}
          >
            <DataGridHeader>
              <DataGridRow>
                {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
              </DataGridRow>
            </DataGridHeader>
            <DataGridBody<RecordRow>>
              {({ item, rowId }) => (
                <DataGridRow<RecordRow> key={rowId}>
                  {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
                </DataGridRow>
              )}
            </DataGridBody>
          </DataGrid>
          {!records.isPending && rows.length === 0 && <Text as="p" role="status">{t('list.empty')}</Text>}
        </div>
      )}
      <nav className={styles.pager} aria-label={t('list.pages')}>
        <Text role="status" aria-live="polite">{t('list.range', { first, last, total: new Intl.NumberFormat(userLocale()).format(total) })}</Text>
        <Button icon={<ChevronLeftRegular />} aria-label={t('list.previous')} disabled={page === 0} onClick={() => setPage(page - 1)} />
        <Button icon={<ChevronRightRegular />} aria-label={t('list.next')} disabled={last >= total} onClick={() => setPage(page + 1)} />
      </nav>
    </>
  );
}
