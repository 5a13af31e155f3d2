// A grid of items as the administration pages show them: a header row and a row per item, arrow
// keys moving from cell to cell (Fluent's grid pattern, one Tab stop for the whole grid). A cell
// that holds a control (a link, a menu button) is not a stop of its own: the arrow keys land on
// the control, so Enter follows the link or opens the menu.
import {
  DataGrid,
  makeStyles,
  tokens,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  type TableColumnDefinition,
  type TableColumnId,
} from '@fluentui/react-components';

/** What every grid of the workspace looks like (ItemGrid's and the record lists'). */
export const useGridStyles = makeStyles({
  // on a phone the grid keeps its width and scrolls sideways inside the page, not the page itself
  scroller: { overflowX: 'auto', backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
  // a hovered row's background is lighter in the dark theme: its links take their hover colour,
  // which keeps 4.5:1 against it (Fluent's resting link colour falls to about 4.2:1 there)
  row: { ':hover .fui-Link': { color: tokens.colorBrandForegroundLinkHover } },
});

interface Props<T> {
  items: T[];
  columns: TableColumnDefinition<T>[];
  getRowId: (item: T) => string;
  label: string;
  /** Below it the grid scrolls sideways ("640px"). */
  minWidth: string;
  /** The columns whose cells hold one control each. */
  controls?: TableColumnId[];
}

export function ItemGrid<T>({ items, columns, getRowId, label, minWidth, controls = [] }: Props<T>) {
  const styles = useGridStyles();
  return (
    <div className={styles.scroller}>
      <DataGrid style={{ minWidth }} items={items} columns={columns} getRowId={getRowId} aria-label={label}>
        <DataGridHeader>
          <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
        </DataGridHeader>
        <DataGridBody<T>>
          {({ item, rowId }) => (
            <DataGridRow<T> key={rowId} className={styles.row}>
              {({ renderCell, columnId }) => (
                <DataGridCell focusMode={controls.includes(columnId) ? 'none' : 'cell'}>{renderCell(item)}</DataGridCell>
              )}
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
    </div>
  );
}
