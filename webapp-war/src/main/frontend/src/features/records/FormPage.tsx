// A record's form, built from the object's metadata: an input per column by its type (lookups
// search their target as the user types), required marks, the server's field errors at their
// fields, create, save with the record's ETag (a clear message when someone else saved first),
// delete with confirmation, related lists, and who created and changed the record when.
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Switch,
  Text,
  Textarea,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ApiError, request } from '../../lib/http';
import { userLocale } from '../../lib/i18n';
import { ErrorState } from '../../components/ErrorState';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ODATA_JSON } from './requests';
import { cellText } from './columns';
import { changes, editorOf, formColumns, formExpand, missing, toBody, toInput, writableColumns, type FieldValue } from './fields';
import { LookupField } from './LookupField';
import { RelatedList } from './RelatedList';
import type { ColumnView, ObjectView, RecordRow } from './types';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  fields: {
    display: 'grid',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 280px), 1fr))',
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  wide: { gridColumn: '1 / -1' },
  meta: { color: tokens.colorNeutralForeground3 },
});

type Values = Record<string, FieldValue>;

function initialValues(columns: ColumnView[], row: RecordRow | undefined): Values {
  return Object.fromEntries(columns.map((c) => [c.Name, toInput(c, row)]));
}

export function FormPage({ view, id }: { view: ObjectView; id: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isNew = id === 'new';
  const columns = useMemo(() => formColumns(view), [view]);
  const expand = formExpand(view);
  const recordKey = ['records', view.Name, 'one', id] as const;
  const record = useQuery({
    queryKey: recordKey,
    enabled: !isNew,
    queryFn: ({ signal }) => request<RecordRow>(`/0/odata/${view.Name}(${id})${expand ? `?$expand=${encodeURIComponent(expand)}` : ''}`,
      { headers: { Accept: ODATA_JSON }, signal }),
  });
  const loaded = useMemo(() => initialValues(columns, record.data), [columns, record.data]);
  const [values, setValues] = useState<Values>(loaded);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ text: string; conflict?: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => setValues(loaded), [loaded]);

  const byProperty = useMemo(() => new Map(columns.map((c) => [c.Property.toLowerCase(), c.Name])), [columns]);
  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.status === 412) {
      setProblem({ text: t('form.conflict'), conflict: true });
      return;
    }
    const fields: Record<string, string> = {};
    if (error instanceof ApiError) {
      for (const f of error.fields) {
        const name = byProperty.get(f.field.toLowerCase()) ?? columns.find((c) => c.Name.toLowerCase() === f.field.toLowerCase())?.Name;
        if (name) fields[name] = f.message;
      }
    }
    setFieldErrors(fields);
    setProblem({ text: error instanceof ApiError && error.status < 500 ? error.message : t('form.saveFailed') });
  };

  const save = useMutation({
    mutationFn: async () => {
      if (isNew) {
        const body = Object.fromEntries(writableColumns(columns).map((c) => [c.Property, toBody(c, values[c.Name] ?? null)])
          .filter(([, v]) => v !== null));
        return request<RecordRow>(`/0/odata/${view.Name}`, { method: 'POST', body, headers: { Accept: ODATA_JSON, 'Content-Type': ODATA_JSON } });
      }
      const body = changes(columns, loaded, values);
      if (Object.keys(body).length === 0) return undefined;
      return request<void>(`/0/odata/${view.Name}(${id})`, {
        method: 'PATCH', body, headers: { 'Content-Type': ODATA_JSON, 'If-Match': String(record.data?.['@odata.etag'] ?? '*') },
      });
    },
    onSuccess: async (created) => {
      setFieldErrors({});
      setProblem(null);
      await queryClient.invalidateQueries({ queryKey: ['records', view.Name] });
      if (isNew && created) {
        navigate(`/${view.Name}/${created.Id}`, { replace: true });
      } else {
        setSaved(true);
      }
    },
    onError: fail,
  });

  const remove = useMutation({
    mutationFn: () => request<void>(`/0/odata/${view.Name}(${id})`, {
      method: 'DELETE', headers: { 'If-Match': String(record.data?.['@odata.etag'] ?? '*') },
    }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: recordKey });
      await queryClient.invalidateQueries({ queryKey: ['records', view.Name] });
      navigate(`/${view.Name}`);
    },
    onError: (error) => {
      setConfirming(false);
      fail(error);
    },
  });

  if (!isNew && record.isPending) return <Spinner label={t('app.loading')} />;
  if (!isNew && record.isError) return <ErrorState error={record.error} onRetry={() => void record.refetch()} />;

  const editable = isNew ? view.Rights.Create : view.Rights.Edit;
  const title = isNew ? t('form.newRecord', { object: view.Caption })
    : String(record.data?.[view.PrimaryDisplayColumn ?? 'Id'] ?? view.Caption) || view.Caption;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const empty = missing(columns, values);
    if (empty.length) {
      setFieldErrors(Object.fromEntries(empty.map((n) => [n, t('form.required')])));
      setProblem({ text: t('form.fixFields') });
      document.getElementById(`field-${empty[0]}`)?.focus();
      return;
    }
    save.mutate();
  };
  const set = (name: string, value: FieldValue) => {
    setSaved(false);
    setValues((v) => ({ ...v, [name]: value }));
    setFieldErrors((errors) => {
      if (!(name in errors)) return errors;
      const { [name]: _fixed, ...rest } = errors;
      return rest;
    });
  };
  const formatter = { yes: t('list.yes'), no: t('list.no'), locale: userLocale() };
  const info = (name: string) => {
    const c = view.Columns.find((x) => x.Name === name);
    return c && record.data ? cellText(c, record.data, formatter) : '';
  };

  return (
    <div className={styles.page}>
      <Title1 as="h1">{title}</Title1>
      <form onSubmit={submit} noValidate aria-label={title}>
        <div className={styles.bar}>
          {editable && <Button appearance="primary" type="submit" disabled={save.isPending}>{isNew ? t('form.create') : t('form.save')}</Button>}
          {!isNew && view.Rights.Delete && <Button onClick={() => setConfirming(true)}>{t('form.delete')}</Button>}
          <Button appearance="subtle" onClick={() => navigate(`/${view.Name}`)}>{t('form.backToList')}</Button>
        </div>
        {problem && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{problem.text}</MessageBarBody>
            {problem.conflict && (
              <MessageBarActions>
                <Button onClick={() => { setProblem(null); void record.refetch(); }}>{t('form.reload')}</Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
        {saved && <MessageBar intent="success" role="status"><MessageBarBody>{t('form.saved')}</MessageBarBody></MessageBar>}
        <div className={styles.fields}>
          {columns.map((c) => (
            <FieldInput key={c.Name} column={c} value={values[c.Name] ?? null} error={fieldErrors[c.Name]}
              disabled={!editable || c.ReadOnly} wide={editorOf(c) === 'multiline' ? styles.wide : undefined} onChange={(v) => set(c.Name, v)} />
          ))}
        </div>
      </form>
      {!isNew && (
        <>
          <Text className={styles.meta} as="p">
            {t('form.createdBy', { on: info('CreatedOn'), by: info('CreatedBy') || '—' })} · {t('form.modifiedBy', { on: info('ModifiedOn'), by: info('ModifiedBy') || '—' })}
          </Text>
          {view.Related.map((r) => <RelatedList key={r.Navigation} related={r} id={id} />)}
        </>
      )}
      <ConfirmDialog open={confirming} title={t('form.deleteTitle', { name: title })} text={t('form.deleteText')} confirm={t('form.delete')}
        busy={remove.isPending} onConfirm={() => remove.mutate()} onClose={() => setConfirming(false)} />
    </div>
  );
}

interface FieldProps {
  column: ColumnView;
  value: FieldValue;
  error?: string;
  disabled: boolean;
  wide?: string;
  onChange: (value: FieldValue) => void;
}

/** One labelled input; its id is field-<Column>, its error announced with it. */
function FieldInput({ column, value, error, disabled, wide, onChange }: FieldProps) {
  const editor = editorOf(column);
  const id = `field-${column.Name}`;
  const text = typeof value === 'string' ? value : '';
  const common = { id, disabled, 'aria-invalid': error ? true : undefined } as const;
  let input: React.ReactNode;
  switch (editor) {
    case 'boolean':
      input = <Switch {...common} checked={value === true} onChange={(_, d) => onChange(d.checked)} />;
      break;
    case 'multiline':
      input = <Textarea {...common} value={text} resize="vertical" maxLength={column.MaxLength || undefined} onChange={(_, d) => onChange(d.value)} />;
      break;
    case 'lookup':
      input = <LookupField id={id} column={column} value={value && typeof value === 'object' ? value : null}
        invalid={!!error} onChange={onChange} />;
      break;
    default: {
      const type = { email: 'email', tel: 'tel', url: 'url', date: 'date', datetime: 'datetime-local', time: 'time', integer: 'number' }[editor as string] ?? 'text';
      input = <Input {...common} type={type as 'text'} value={text} readOnly={editor === 'readonly'}
        inputMode={editor === 'decimal' ? 'decimal' : undefined} step={editor === 'integer' ? 1 : undefined}
        maxLength={column.MaxLength || undefined} onChange={(_, d) => onChange(d.value)} />;
    }
  }
  return (
    <Field className={wide} label={{ children: column.Caption, htmlFor: id }} required={column.Required}
      validationState={error ? 'error' : 'none'} validationMessage={error}>
      {input}
    </Field>
  );
}
