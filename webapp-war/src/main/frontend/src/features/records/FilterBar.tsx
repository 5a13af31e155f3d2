// A list's structured filters: one tag per filter (click to change it, its dismiss button to drop
// it), an "Add filter" menu of the columns that can be filtered, and a dialog with the input each
// column's type needs: text contains or equals, a range of numbers, dates or times, yes or no, or
// a record picked with the lookup's search.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Input,
  InteractionTag, InteractionTagPrimary, InteractionTagSecondary, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger,
  Option, Radio, RadioGroup, TagGroup, makeStyles, tokens,
} from '@fluentui/react-components';
import { FilterAddRegular } from '@fluentui/react-icons';
import { filterKind, filterableColumns, isComplete, numberLiteral, type ListFilter } from './filters';
import { LookupField } from './LookupField';
import { cellText, type Formatter } from './columns';
import type { ColumnView, ObjectView } from './types';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  range: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** A filter in words, for its tag: "Name contains ann", "Age 18 – 65", "Active: Yes". */
export function filterText(column: ColumnView, f: ListFilter, t: (key: string, o?: Record<string, unknown>) => string,
  formatter: Formatter): string {
  const kind = filterKind(column);
  const shown = (v: string | undefined) => {
    if (v === undefined || v === '') return undefined;
    if (kind === 'number') return cellText({ ...column, Type: 'Decimal' }, { Id: '', [column.Property]: numberLiteral(v) }, formatter);
    if (kind === 'date' || kind === 'datetime') return cellText({ ...column, Type: 'Date' }, { Id: '', [column.Property]: v }, formatter);
    return v;
  };
  switch (kind) {
    case 'text':
      return t(f.Op === 'eq' ? 'filter.equalsText' : 'filter.containsText', { column: column.Caption, value: f.Value });
    case 'boolean':
      return `${column.Caption}: ${f.Value ? formatter.yes : formatter.no}`;
    case 'lookup':
      return t('filter.isText', { column: column.Caption, value: f.Label ?? f.Value });
    default: {
      const from = shown(f.From);
      const to = shown(f.To);
      if (from && to) return t('filter.betweenText', { column: column.Caption, from, to });
      return from ? t('filter.fromText', { column: column.Caption, from }) : t('filter.toText', { column: column.Caption, to });
    }
  }
}

interface EditorProps {
  column: ColumnView | undefined;
  filter: ListFilter | undefined;
  onApply: (f: ListFilter) => void;
  onRemove: () => void;
  onClose: () => void;
}

/** The dialog that sets one column's filter. */
export function FilterDialog({ column, filter, onApply, onRemove, onClose }: EditorProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const kind = column ? filterKind(column) : undefined;
  const initial = (): ListFilter => filter ?? { Column: column?.Name ?? '', Op: kind === 'text' ? 'contains' : kind === 'boolean'
    || kind === 'lookup' ? 'eq' : 'range', Value: kind === 'boolean' ? true : undefined };
  const [draft, setDraft] = useState<ListFilter>(initial);
  useEffect(() => setDraft(initial()), [column?.Name, filter]);
  if (!column || !kind) return null;
  const id = `filter-${column.Name}`;
  const inputType = kind === 'date' || kind === 'datetime' ? 'date' : kind === 'time' ? 'time' : 'text';
  const badNumber = (v?: string) => kind === 'number' && !!v?.trim() && !numberLiteral(v);
  const apply = () => { if (isComplete(column, draft)) onApply(draft); };
  return (
    <Dialog open onOpenChange={(_, d) => { if (!d.open) onClose(); }}>
      <DialogSurface>
        <form onSubmit={(e) => { e.preventDefault(); apply(); }}>
          <DialogBody>
            <DialogTitle>{t('filter.title', { column: column.Caption })}</DialogTitle>
            <DialogContent className={styles.fields}>
              {kind === 'text' && (
                <>
                  <Field label={t('filter.operator')}>
                    <Dropdown value={t(draft.Op === 'eq' ? 'filter.equals' : 'filter.contains')} selectedOptions={[draft.Op]}
                      onOptionSelect={(_, d) => setDraft({ ...draft, Op: d.optionValue === 'eq' ? 'eq' : 'contains' })}>
                      <Option value="contains">{t('filter.contains')}</Option>
                      <Option value="eq">{t('filter.equals')}</Option>
                    </Dropdown>
                  </Field>
                  <Field label={t('filter.value')}>
                    <Input id={id} autoFocus value={typeof draft.Value === 'string' ? draft.Value : ''}
                      onChange={(_, d) => setDraft({ ...draft, Value: d.value })} />
                  </Field>
                </>
              )}
              {(kind === 'number' || kind === 'date' || kind === 'datetime' || kind === 'time') && (
                <div className={styles.range}>
                  <Field label={t('filter.from')} validationMessage={badNumber(draft.From) ? t('filter.notANumber') : undefined}>
                    <Input type={inputType} inputMode={kind === 'number' ? 'decimal' : undefined} autoFocus value={draft.From ?? ''}
                      onChange={(_, d) => setDraft({ ...draft, From: d.value || undefined })} />
                  </Field>
                  <Field label={t('filter.to')} validationMessage={badNumber(draft.To) ? t('filter.notANumber') : undefined}>
                    <Input type={inputType} inputMode={kind === 'number' ? 'decimal' : undefined} value={draft.To ?? ''}
                      onChange={(_, d) => setDraft({ ...draft, To: d.value || undefined })} />
                  </Field>
                </div>
              )}
              {kind === 'boolean' && (
                <RadioGroup aria-label={column.Caption} value={draft.Value === false ? 'no' : 'yes'}
                  onChange={(_, d) => setDraft({ ...draft, Value: d.value === 'yes' })}>
                  <Radio value="yes" label={t('list.yes')} />
                  <Radio value="no" label={t('list.no')} />
                </RadioGroup>
              )}
              {kind === 'lookup' && (
                <Field label={{ children: column.Caption, htmlFor: id }}>
                  <LookupField id={id} column={column} invalid={false}
                    value={typeof draft.Value === 'string' ? { id: draft.Value, text: draft.Label ?? draft.Value } : null}
                    onChange={(v) => setDraft({ ...draft, Value: v?.id, Label: v?.text })} />
                </Field>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={!isComplete(column, draft)}>{t('list.apply')}</Button>
              {filter && <Button onClick={onRemove}>{t('filter.remove')}</Button>}
              <Button onClick={onClose}>{t('form.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

interface BarProps {
  view: ObjectView;
  filters: ListFilter[];
  formatter: Formatter;
  onChange: (filters: ListFilter[]) => void;
}

/** The filters in force as tags, and the menu that adds one. */
export function FilterBar({ view, filters, formatter, onChange }: BarProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | undefined>();
  const column = (name: string | undefined) => view.Columns.find((c) => c.Name === name);
  const current = filters.find((f) => f.Column === editing);
  const without = (name: string) => filters.filter((f) => f.Column !== name);
  return (
    <div className={styles.bar}>
      {filters.length > 0 && (
        <TagGroup aria-label={t('filter.inForce')} onDismiss={(_, d) => onChange(without(String(d.value)))}>
          {filters.map((f) => {
            const c = column(f.Column)!;
            const text = filterText(c, f, t, formatter);
            return (
              <InteractionTag key={f.Column} value={f.Column} shape="circular" appearance="brand">
                <InteractionTagPrimary hasSecondaryAction onClick={() => setEditing(f.Column)}>{text}</InteractionTagPrimary>
                <InteractionTagSecondary aria-label={t('filter.removeOne', { filter: text })} />
              </InteractionTag>
            );
          })}
        </TagGroup>
      )}
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button appearance="subtle" icon={<FilterAddRegular />}>{t('filter.add')}</Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {filterableColumns(view).map((c) => (
              <MenuItem key={c.Name} onClick={() => setEditing(c.Name)}>{c.Caption}</MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
      {filters.length > 0 && <Button appearance="subtle" onClick={() => onChange([])}>{t('filter.clear')}</Button>}
      {editing && (
        <FilterDialog column={column(editing)} filter={current}
          onApply={(f) => { onChange(current ? filters.map((x) => (x.Column === f.Column ? f : x)) : [...filters, f]); setEditing(undefined); }}
          onRemove={() => { onChange(without(editing)); setEditing(undefined); }}
          onClose={() => setEditing(undefined)} />
      )}
    </div>
  );
}
