// Administration: the object designer's list (operation CanManageAdministration). Every object
// with its caption, name, section and number of columns, found by a filter as one types; "New
// object" creates one with its table and a Name column to show its records by, as a section or
// not. An object's caption opens its page (ObjectPage), where its columns are designed.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Spinner,
  Switch,
  Title1,
  createTableColumn,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { ErrorState } from '../../components/ErrorState';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { ItemGrid } from '../../components/ItemGrid';
import { usePageStyles } from '../../components/pageStyles';
import { refreshMetadata } from '../workspace/api';
import { failure } from '../../components/failure';
import { createObject, designerKeys, fetchObjects, type DesignerObject, type NewObject } from './designer';

export function ObjectsPage() {
  const styles = usePageStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [typed, setTyped] = useState('');
  const [creating, setCreating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const objects = useQuery({ queryKey: designerKeys.objects, queryFn: ({ signal }) => fetchObjects(signal) });
  const rows = useMemo(() => {
    const term = typed.trim().toLowerCase();
    const all = [...(objects.data ?? [])].sort((a, b) => a.Caption.localeCompare(b.Caption));
    return term ? all.filter((o) => o.Name.toLowerCase().includes(term) || o.Caption.toLowerCase().includes(term)) : all;
  }, [objects.data, typed]);

  const create = async (object: NewObject) => {
    setProblem(null);
    try {
      const created = await createObject(object);
      await Promise.all([client.invalidateQueries({ queryKey: designerKeys.all }), refreshMetadata(client)]);
      navigate(`/admin/objects/${created.Name}`);
      return true;
    } catch (e) {
      setProblem(failure(e, t));
      return false;
    }
  };

  const columns: TableColumnDefinition<DesignerObject>[] = [
    createTableColumn<DesignerObject>({
      columnId: 'Caption', renderHeaderCell: () => t('designer.caption'),
      renderCell: (o) => (
        <span className={styles.badges}>
          <Link href={`#/admin/objects/${o.Name}`} onClick={(e) => { e.preventDefault(); navigate(`/admin/objects/${o.Name}`); }}>
            {o.Caption}
          </Link>
          {o.System && <Badge appearance="tint" color="informative">{t('designer.shipped')}</Badge>}
        </span>
      ),
    }),
    createTableColumn<DesignerObject>({ columnId: 'Name', renderHeaderCell: () => t('designer.name'), renderCell: (o) => o.Name }),
    createTableColumn<DesignerObject>({ columnId: 'Section', renderHeaderCell: () => t('designer.section'), renderCell: (o) => o.Section ?? '' }),
    createTableColumn<DesignerObject>({ columnId: 'Columns', renderHeaderCell: () => t('designer.columns'), renderCell: (o) => o.Columns.length }),
  ];

  return (
    <div className={styles.page}>
      <Title1 as="h1">{t('designer.objects')}</Title1>
      <div className={styles.tools}>
        <SearchBox value={typed} onChange={(_, d) => setTyped(d.value)} aria-label={t('designer.searchObjects')} placeholder={t('designer.searchObjects')} />
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)}>{t('designer.newObject')}</Button>
        {objects.isFetching && <Spinner size="tiny" aria-label={t('app.loading')} />}
      </div>
      {problem && <MessageBar intent="error" role="alert"><MessageBarBody>{problem}</MessageBarBody></MessageBar>}
      {objects.isError ? <ErrorState error={objects.error} onRetry={() => void objects.refetch()} /> : (
        <ItemGrid minWidth="560px" items={rows} columns={columns} getRowId={(o: DesignerObject) => o.Name}
          label={t('designer.objects')} controls={['Caption']} />
      )}
      <NewObjectDialog open={creating} problem={problem ?? undefined} onClose={() => setCreating(false)} onCreate={create} />
    </div>
  );
}

function NewObjectDialog({ open, onClose, onCreate, problem }: { open: boolean; problem?: string; onClose: () => void; onCreate: (o: NewObject) => Promise<boolean> }) {
  const { t } = useTranslation();
  const empty = { Name: '', Caption: '', Section: '', asSection: true };
  const [form, setForm] = useState(empty);
  const { busy, submit: send } = useSubmit();
  const submit = () => {
    const caption = form.Caption.trim() || form.Name.trim();
    void send(() => onCreate({
      Name: form.Name.trim(),
      Caption: caption,
      Section: form.asSection ? form.Section.trim() || caption : '',
      // Every new object starts with the column its records are shown by.
      Columns: [{ Name: 'Name', Caption: t('designer.nameColumn'), Type: 'Text', Required: true, Unique: false, Indexed: true, Reference: null, DefaultValue: null }],
    }), () => {
      setForm(empty);
      onClose();
    });
  };
  return (
    <FormDialog busy={busy} working={t('designer.creatingTable')} problem={problem} open={open} title={t('designer.newObject')} submit={t('form.create')} ready={!!form.Name.trim()}
      onSubmit={() => void submit()} onClose={onClose}>
      <Field label={t('designer.name')} required hint={t('designer.nameHint')}>
        <Input value={form.Name} onChange={(_, d) => setForm({ ...form, Name: d.value })} autoComplete="off" />
      </Field>
      <Field label={t('designer.caption')}>
        <Input value={form.Caption} onChange={(_, d) => setForm({ ...form, Caption: d.value })} autoComplete="off" />
      </Field>
      <Switch label={t('designer.asSection')} checked={form.asSection} onChange={(_, d) => setForm({ ...form, asSection: d.checked })} />
      {form.asSection && (
        <Field label={t('designer.sectionCaption')} hint={t('designer.sectionCaptionHint')}>
          <Input value={form.Section} onChange={(_, d) => setForm({ ...form, Section: d.value })} autoComplete="off" />
        </Field>
      )}
      <p>{t('designer.startsWithName')}</p>
    </FormDialog>
  );
}
