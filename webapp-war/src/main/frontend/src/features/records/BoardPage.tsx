// A section's board: a column per value of the object's board lookup (Opportunity by Stage) in the
// values' order, plus one for records without a value when there are any, each with the count of
// its records and the last changed 50 as cards (the display column and two more). A card moves to
// another column by dragging it (mouse or touch), or from its "Move to" menu (keyboard); the move
// is a PATCH of the lookup with the card's ETag, so a record someone else changed meanwhile is
// not overwritten: the board says so and shows it as it is now.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { DndContext, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import {
  Button,
  Card,
  Link,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowMoveRegular } from '@fluentui/react-icons';
import { ApiError, request } from '../../lib/http';
import { userLocale } from '../../lib/i18n';
import { ErrorState } from '../../components/ErrorState';
import { ODATA_JSON } from './requests';
import { cellText } from './columns';
import { CARDS_PER_COLUMN, boardCardsQuery, boardValuesQuery, cardColumns } from './board';
import type { BoardView, ObjectView, RecordRow } from './types';

const useStyles = makeStyles({
  board: { display: 'flex', gap: tokens.spacingHorizontalM, overflowX: 'auto', alignItems: 'flex-start', paddingBottom: tokens.spacingVerticalM },
  column: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, flex: '0 0 272px', minHeight: '160px',
    padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3,
  },
  over: { outline: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}` },
  heading: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', margin: 0, padding: `0 ${tokens.spacingHorizontalXS}` },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, listStyle: 'none', margin: 0, padding: 0 },
  card: { touchAction: 'none', cursor: 'grab' },
  dragging: { opacity: 0.6, cursor: 'grabbing', boxShadow: tokens.shadow16 },
  cardTop: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalXS },
  detail: { color: tokens.colorNeutralForeground2 },
});

interface BoardValue {
  /** The value's Id, or null for the column of records without one. */
  id: string | null;
  caption: string;
}

const keys = {
  values: (view: ObjectView) => ['records', view.Name, 'board-values'] as const,
  cards: (view: ObjectView, value: string | null) => ['records', view.Name, 'board', value] as const,
};

export function BoardPage({ view }: { view: ObjectView }) {
  const board = view.Board as BoardView;
  const styles = useStyles();
  const { t } = useTranslation();
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const boardColumn = view.Columns.find((c) => c.Name === board.Column)?.Caption ?? board.Column;
  const noneCaption = t('board.none', { column: boardColumn });

  const values = useQuery({
    queryKey: keys.values(view),
    queryFn: ({ signal }) => request<{ value: RecordRow[] }>(`/0/odata/${board.Reference}?${boardValuesQuery(board)}`,
      { headers: { Accept: ODATA_JSON }, signal }),
  });
  const columns: BoardValue[] = [
    ...(values.data?.value ?? []).map((v) => ({ id: v.Id, caption: String((board.DisplayColumn && v[board.DisplayColumn]) ?? v.Id) })),
    { id: null, caption: noneCaption },
  ];
  const cards = useQueries({
    queries: (values.data ? columns : []).map((c) => ({
      queryKey: keys.cards(view, c.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => request<{ value: RecordRow[]; '@odata.count': string | number }>(
        `/0/odata/${view.Name}?${boardCardsQuery(view, board, c.id)}`, { headers: { Accept: ODATA_JSON }, signal }),
    })),
  });
  const editable = view.Rights.Edit && !view.Columns.find((c) => c.Name === board.Column)?.ReadOnly;
  const details = cardColumns(view, board).slice(1); // what a card shows under its title
  const nameOf = (row: RecordRow) => String(row[view.PrimaryDisplayColumn ?? 'Id'] ?? row.Id);

  /** Moves a card to another column: the lookup's new value, written with the card's ETag. */
  const move = async (row: RecordRow, to: BoardValue) => {
    if ((row[board.Property] ?? null) === to.id) return;
    setOutcome(null);
    try {
      await request(`/0/odata/${view.Name}(${row.Id})`, {
        method: 'PATCH', body: { [board.Property]: to.id },
        headers: { 'Content-Type': ODATA_JSON, 'If-Match': String(row['@odata.etag'] ?? '*') },
      });
      setOutcome({ intent: 'success', text: t('board.moved', { name: nameOf(row), value: to.caption }) });
    } catch (e) {
      setOutcome(e instanceof ApiError && e.status === 412
        ? { intent: 'warning', text: t('board.conflict', { name: nameOf(row) }) }
        : { intent: 'error', text: t('board.moveFailed', { name: nameOf(row), reason: e instanceof ApiError ? e.message : '' }) });
    } finally {
      await client.invalidateQueries({ queryKey: ['records', view.Name] });
    }
  };

  const onDragEnd = (event: DragEndEvent) => {
    const row = event.active.data.current as RecordRow | undefined;
    const to = columns.find((c) => String(c.id) === event.over?.id);
    if (row && to) void move(row, to);
  };

  if (values.isError) return <ErrorState error={values.error} onRetry={() => void values.refetch()} />;
  if (values.isPending) return <Spinner label={t('app.loading')} />;
  const formatter = { yes: t('list.yes'), no: t('list.no'), locale: userLocale() };
  return (
    <>
      {outcome && <MessageBar intent={outcome.intent} role={outcome.intent === 'success' ? 'status' : 'alert'}>
        <MessageBarBody>{outcome.text}</MessageBarBody></MessageBar>}
      <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={{ screenReaderInstructions: { draggable: t('board.dragInstructions') } }}>
        {/* one Tab stop of its own, so the keyboard scrolls the columns even when no card is there to focus */}
        <div className={styles.board} role="list" tabIndex={0} aria-label={t('board.label', { object: view.SectionCaption ?? view.Caption, column: boardColumn })}>
          {columns.map((c, i) => {
            const answer = cards[i];
            const rows = answer?.data?.value ?? [];
            const count = Number(answer?.data?.['@odata.count'] ?? 0);
            if (c.id === null && count === 0) return null; // no column for "none" when every record has a value
            return (
              <BoardColumn key={String(c.id)} value={c} count={count} styles={styles} label={t('board.count', { count })}>
                {answer?.isError && <ErrorState error={answer.error} onRetry={() => void answer.refetch()} />}
                <ul className={styles.list} aria-label={c.caption}>
                  {rows.map((row) => (
                    <BoardCard key={row.Id} row={row} editable={editable} styles={styles}>
                      <div className={styles.cardTop}>
                        <Link href={`#/${view.Name}/${row.Id}`}>{nameOf(row)}</Link>
                        {editable && (
                          <Menu>
                            <MenuTrigger disableButtonEnhancement>
                              <Button size="small" appearance="subtle" icon={<ArrowMoveRegular />}
                                aria-label={t('board.moveCard', { name: nameOf(row) })} />
                            </MenuTrigger>
                            <MenuPopover>
                              <MenuList>
                                {columns.filter((to) => to.id !== (row[board.Property] ?? null)).map((to) => (
                                  <MenuItem key={String(to.id)} onClick={() => void move(row, to)}>{to.caption}</MenuItem>
                                ))}
                              </MenuList>
                            </MenuPopover>
                          </Menu>
                        )}
                      </div>
                      {details.map((col) => {
                        const text = cellText(col, row, formatter);
                        return text ? <Text key={col.Name} size={200} className={styles.detail}>{col.Caption}: {text}</Text> : null;
                      })}
                    </BoardCard>
                  ))}
                </ul>
                {count > CARDS_PER_COLUMN && <Text size={200}>{t('form.moreRelated', { count: count - CARDS_PER_COLUMN })}</Text>}
              </BoardColumn>
            );
          })}
        </div>
      </DndContext>
    </>
  );
}

type Styles = ReturnType<typeof useStyles>;

function BoardColumn({ value, count, label, styles, children }: {
  value: BoardValue; count: number; label: string; styles: Styles; children: React.ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: String(value.id) });
  return (
    <section ref={setNodeRef} role="listitem" className={mergeClasses(styles.column, isOver && styles.over)} aria-label={value.caption}>
      <h2 className={styles.heading}>
        <Text weight="semibold">{value.caption}</Text>
        <Text size={200} aria-label={label}>{count}</Text>
      </h2>
      {children}
    </section>
  );
}

function BoardCard({ row, editable, styles, children }: { row: RecordRow; editable: boolean; styles: Styles; children: React.ReactNode }) {
  const { setNodeRef, listeners, transform, isDragging } = useDraggable({ id: row.Id, data: row, disabled: !editable });
  return (
    <li ref={setNodeRef} {...(editable ? listeners : {})} data-card={row.Id}
      style={transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined}>
      <Card size="small" className={mergeClasses(editable && styles.card, isDragging && styles.dragging)}>{children}</Card>
    </li>
  );
}
