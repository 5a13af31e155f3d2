// Administration: one object in the designer (#/admin/objects/<Name>). Its settings (caption, the
// column its records are shown by, whether it is a section and under which caption, the lookup its
// board is laid out by) and its columns: add, change, drop. A drop, a type change that may cut or
// round values and deleting the object ask first and name what is lost, counted by the server.
// Every change alters the live database; open workspaces on every node follow (lib/metadata.ts).
// Objects shipped with Atrium are shown, not changed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Card,
  Dropdown,
  Field,
  Input,
  MenuItem,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Switch,
  Title3,
  createTableColumn,
  makeStyles,
  tokens,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { ErrorState } from '../../components/ErrorState';
import { DetailHeading } from '../../components/DetailHeading';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useSubmit } from '../../components/useSubmit';
import { ItemGrid } from '../../components/ItemGrid';
import { RowActions } from '../../components/RowActions';
import { OutcomeBar, errorOf, useOutcome } from '../../components/useOutcome';
import { usePageStyles } from '../../components/pageStyles';
import { refreshMetadata } from '../workspace/api';
import { ColumnDialog } from './ColumnDialog';
import { RecordRightsCard } from './RecordRightsCard';
import {
  addColumn,
  boardCandidates,
  changeColumn,
  changeObject,
  columnUsage,
  deleteObject,
  designerKeys,
  displayCandidates,
  dropColumn,
  fetchObject,
  fetchObjects,
  needsConfirmation,
  objectUsage,
  ownColumns,
  type DesignerColumn,
  type DesignerObject,
  type NewColumn,
  type ObjectChange,
} from './designer';

const useStyles = makeStyles({
  settings: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  save: { marginTop: tokens.spacingVerticalL },
});

/** A change that destroys data, waiting for the admin's yes. */
type Pending = { title: string; text: string; confirm: string; run: () => Promise<unknown>; done: string; after?: () => void };

export function ObjectPage() {
  const styles = { ...usePageStyles(), ...useStyles() };
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { name = '' } = useParams();
  const object = useQuery({ queryKey: designerKeys.object(name), queryFn: ({ signal }) => fetchObject(name, signal) });
  const objects = useQuery({ queryKey: designerKeys.objects, queryFn: ({ signal }) => fetchObjects(signal) });
  const [editing, setEditing] = useState<'new' | DesignerColumn | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const { busy, submit } = useSubmit();

  // each change says how it went; the designer, sections and views are read again after it
  const { outcome, setOutcome, act, fail } = useOutcome(() =>
    Promise.all([client.invalidateQueries({ queryKey: designerKeys.all }), refreshMetadata(client)]));

  /** Asks the server what the change would destroy before the admin says yes; says why it cannot if it fails. */
  const ask = async (prepare: () => Promise<Pending>) => {
    setOutcome(null);
    try {
      setPending(await prepare());
    } catch (e) {
      fail(e);
    }
  };

  if (object.isPending) return <Spinner label={t('app.loading')} />;
  if (object.isError) return <ErrorState error={object.error} onRetry={() => void object.refetch()} />;
  const o = object.data;
  const editable = !o.System;

  const saveColumn = async (column: NewColumn): Promise<boolean> => {
    if (editing === 'new') {
      return act(() => addColumn(o.Name, column), t('designer.columnAdded', { column: column.Name }));
    }
    const from = (editing as DesignerColumn).Type;
    const change = { Caption: column.Caption, Type: column.Type, Required: column.Required, Unique: column.Unique,
      Indexed: column.Indexed, DefaultValue: column.DefaultValue };
    const done = t('designer.columnChanged', { column: column.Name });
    // A type change that may cut or round values is refused until confirmed: ask, naming how many values.
    let narrowing = false;
    const ok = await act(() => changeColumn(o.Name, column.Name, change).catch((e) => {
      if (!needsConfirmation(e)) throw e;
      narrowing = true;
    }), done);
    if (narrowing) {
      await ask(async () => {
        const usage = await columnUsage(o.Name, column.Name);
        return {
          title: t('designer.narrowTitle', { column: column.Name }),
          text: t('designer.narrowText', { count: usage.Values ?? 0, column: column.Name, from: t(`designer.types.${from}`), to: t(`designer.types.${column.Type}`) }),
          confirm: t('designer.changeType'),
          run: () => changeColumn(o.Name, column.Name, change, true),
          done,
        };
      });
    }
    return ok;
  };

  const askDrop = (c: DesignerColumn) => void ask(async () => {
    const usage = await columnUsage(o.Name, c.Name);
    return {
      title: t('designer.dropTitle', { column: c.Name }),
      text: t('designer.dropText', { count: usage.Values ?? 0, records: usage.Records, column: c.Name, object: o.Name }),
      confirm: t('designer.drop'),
      run: () => dropColumn(o.Name, c.Name),
      done: t('designer.columnDropped', { column: c.Name }),
    };
  });

  const askDelete = () => void ask(async () => {
    const usage = await objectUsage(o.Name);
    return {
      title: t('designer.deleteTitle', { object: o.Name }),
      text: t('designer.deleteText', { count: usage.Records, object: o.Name }),
      confirm: t('designer.deleteObject'),
      run: () => deleteObject(o.Name),
      done: t('designer.objectDeleted', { object: o.Name }),
      after: () => navigate('/admin/objects'),
    };
  });

  const confirmPending = () => {
    if (!pending) return;
    void submit(async () => {
      const ok = await act(pending.run, pending.done);
      setPending(null);
      return ok;
    }, pending.after);
  };

  const columns: TableColumnDefinition<DesignerColumn>[] = [
    createTableColumn<DesignerColumn>({ columnId: 'Caption', renderHeaderCell: () => t('designer.caption'), renderCell: (c) => c.Caption }),
    createTableColumn<DesignerColumn>({ columnId: 'Name', renderHeaderCell: () => t('designer.name'), renderCell: (c) => c.Name }),
    createTableColumn<DesignerColumn>({
      columnId: 'Type', renderHeaderCell: () => t('designer.type'),
      renderCell: (c) => c.Reference ? `${t(`designer.types.${c.Type}`)} → ${c.Reference}` : t(`designer.types.${c.Type}`),
    }),
    createTableColumn<DesignerColumn>({
      columnId: 'Rules', renderHeaderCell: () => t('designer.rules'),
      renderCell: (c) => (
        <span className={styles.badges}>
          {c.Required && <Badge appearance="tint">{t('designer.required')}</Badge>}
          {c.Unique && <Badge appearance="tint">{t('designer.unique')}</Badge>}
          {c.Indexed && !c.Unique && <Badge appearance="tint">{t('designer.indexed')}</Badge>}
          {c.Name === o.PrimaryDisplayColumn && <Badge appearance="tint" color="brand">{t('designer.displayColumn')}</Badge>}
        </span>
      ),
    }),
    createTableColumn<DesignerColumn>({ columnId: 'Default', renderHeaderCell: () => t('designer.defaultValue'), renderCell: (c) => c.DefaultValue ?? '' }),
    ...(editable ? [createTableColumn<DesignerColumn>({
      columnId: 'Actions', renderHeaderCell: () => t('admin.actions'),
      renderCell: (c) => (
        <RowActions name={c.Name}>
          <MenuItem onClick={() => setEditing(c)}>{t('designer.changeColumn')}</MenuItem>
          <MenuItem onClick={() => askDrop(c)}>{t('designer.dropColumn')}</MenuItem>
        </RowActions>
      ),
    })] : []),
  ];

  return (
    <div className={styles.page}>
      <DetailHeading back={{ to: '/admin/objects', label: t('designer.objects') }} title={o.Caption}>
        <Badge appearance="outline">{o.Name}</Badge>
        {o.System && <Badge appearance="tint" color="informative">{t('designer.shipped')}</Badge>}
      </DetailHeading>
      {o.System && <MessageBar intent="info"><MessageBarBody>{t('designer.shippedText')}</MessageBarBody></MessageBar>}
      <OutcomeBar outcome={outcome} />
      <Settings object={o} editable={editable} onSave={(change) => act(() => changeObject(o.Name, change), t('designer.objectSaved', { object: o.Name }))} />
      <section aria-labelledby="designer-columns" className={styles.page}>
        <Title3 as="h2" id="designer-columns">{t('designer.columns')}</Title3>
        {editable && (
          <div className={styles.tools}>
            <Button appearance="primary" icon={<AddRegular />} onClick={() => setEditing('new')}>{t('designer.addColumn')}</Button>
          </div>
        )}
        <ItemGrid minWidth="640px" items={ownColumns(o)} columns={columns} getRowId={(c: DesignerColumn) => c.Name}
          label={t('designer.columnsOf', { object: o.Caption })} controls={['Actions']} />
      </section>
      <RecordRightsCard object={o} act={act} />
      {editable && (
        <div className={styles.tools}>
          <Button icon={<DeleteRegular />} onClick={askDelete}>{t('designer.deleteObject')}</Button>
        </div>
      )}
      <ColumnDialog editing={editing} problem={errorOf(outcome)} onClose={() => setEditing(null)} onSave={saveColumn}
        objects={(objects.data ?? []).map((x) => ({ Name: x.Name, Caption: x.Caption })).sort((a, b) => a.Caption.localeCompare(b.Caption))} />
      <ConfirmDialog open={!!pending} title={pending?.title ?? ''} text={pending?.text ?? ''} confirm={pending?.confirm ?? ''} busy={busy}
        working={t('designer.changingTable')} onConfirm={() => void confirmPending()} onClose={() => setPending(null)} />
    </div>
  );
}

/** The object's own settings, saved together. */
function Settings({ object, editable, onSave }: { object: DesignerObject; editable: boolean; onSave: (change: ObjectChange) => Promise<boolean> }) {
  const styles = { ...usePageStyles(), ...useStyles() };
  const { t } = useTranslation();
  const initial = () => ({
    Caption: object.Caption,
    PrimaryDisplayColumn: object.PrimaryDisplayColumn,
    asSection: object.Section !== null,
    Section: object.Section ?? '',
    BoardColumn: object.BoardColumn ?? '',
  });
  const [form, setForm] = useState(initial);
  const { busy, submit: send } = useSubmit();
  // The object changed (saved here or elsewhere): the form starts from what it is now.
  useEffect(() => setForm(initial()), [object.Version, object.Name]);
  const display = displayCandidates(object);
  const boards = boardCandidates(object);
  const none = t('designer.none');
  const save = () => void send(() => onSave({
    Caption: form.Caption.trim(),
    PrimaryDisplayColumn: form.PrimaryDisplayColumn,
    Section: form.asSection ? form.Section.trim() || form.Caption.trim() : '',
    BoardColumn: form.BoardColumn,
  }));
  return (
    <Card>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} aria-labelledby="designer-settings">
        <Title3 as="h2" id="designer-settings">{t('designer.settings')}</Title3>
        <div className={styles.settings}>
          <Field label={t('designer.caption')}>
            <Input value={form.Caption} disabled={!editable} onChange={(_, d) => setForm({ ...form, Caption: d.value })} />
          </Field>
          <Field label={t('designer.displayColumn')} hint={t('designer.displayColumnHint')}>
            <Dropdown disabled={!editable} value={display.find((c) => c.Name === form.PrimaryDisplayColumn)?.Caption ?? none}
              selectedOptions={form.PrimaryDisplayColumn ? [form.PrimaryDisplayColumn] : []}
              onOptionSelect={(_, d) => setForm({ ...form, PrimaryDisplayColumn: d.optionValue ?? null })}>
              {display.map((c) => <Option key={c.Name} value={c.Name}>{c.Caption}</Option>)}
            </Dropdown>
          </Field>
          <Field label={t('designer.boardColumn')} hint={t('designer.boardColumnHint')}>
            <Dropdown disabled={!editable} value={boards.find((c) => c.Name === form.BoardColumn)?.Caption ?? none}
              selectedOptions={[form.BoardColumn]} onOptionSelect={(_, d) => setForm({ ...form, BoardColumn: d.optionValue ?? '' })}>
              <Option value="">{none}</Option>
              {boards.map((c) => <Option key={c.Name} value={c.Name}>{c.Caption}</Option>)}
            </Dropdown>
          </Field>
          <Switch label={t('designer.asSection')} disabled={!editable} checked={form.asSection}
            onChange={(_, d) => setForm({ ...form, asSection: d.checked })} />
          {form.asSection && (
            <Field label={t('designer.sectionCaption')}>
              <Input value={form.Section} disabled={!editable} onChange={(_, d) => setForm({ ...form, Section: d.value })} />
            </Field>
          )}
        </div>
        {editable && (
          <div className={styles.save}>
            <Button appearance="primary" type="submit" disabled={busy || !form.Caption.trim()}>{t('form.save')}</Button>
          </div>
        )}
      </form>
    </Card>
  );
}
