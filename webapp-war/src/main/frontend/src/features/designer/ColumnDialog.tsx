// The dialog that adds a column to an object or changes one: name (only when adding), caption,
// type (a lookup names the object it refers to), the "required", unique and index flags and a
// default value. What the server refuses comes back as the page's message; a change that may cut
// or round values asks first (ObjectPage).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, Dropdown, Field, Input, Option } from '@fluentui/react-components';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../components/useSubmit';
import { COLUMN_TYPES, UNINDEXABLE_TYPES, type DesignerColumn, type NewColumn } from './designer';

interface Props {
  /** Open to add a column ("new"), to change the given one, or closed (null). */
  editing: 'new' | DesignerColumn | null;
  /** The objects a lookup may refer to, by name and caption. */
  objects: { Name: string; Caption: string }[];
  onClose: () => void;
  onSave: (column: NewColumn) => Promise<boolean>;
  /** Why the server refused the last save. */
  problem?: string;
}

const blank: NewColumn = { Name: '', Caption: '', Type: 'Text', Required: false, Unique: false, Indexed: false, Reference: null, DefaultValue: null };

export function ColumnDialog({ editing, objects, onClose, onSave, problem }: Props) {
  const { t } = useTranslation();
  const adding = editing === 'new';
  const [column, setColumn] = useState<NewColumn>(blank);
  const { busy, submit: send } = useSubmit();
  useEffect(() => {
    if (editing && editing !== 'new') {
      setColumn({ ...editing, DefaultValue: editing.DefaultValue });
    } else if (editing === 'new') {
      setColumn(blank);
    }
  }, [editing]);
  const indexable = !UNINDEXABLE_TYPES.includes(column.Type);
  const lookup = column.Type === 'Lookup';
  const ready = !!column.Name.trim() && (!lookup || !!column.Reference);
  const submit = () => {
    void send(() => onSave({ ...column, Name: column.Name.trim(), Caption: column.Caption.trim(),
        Unique: indexable && column.Unique, Indexed: indexable && column.Indexed }), onClose);
  };
  const referenced = objects.find((o) => o.Name === column.Reference);
  return (
    <FormDialog busy={busy} working={t('designer.changingTable')} problem={problem} open={editing !== null} onClose={onClose} onSubmit={() => void submit()} ready={ready}
      title={adding ? t('designer.addColumn') : t('designer.changeColumnOf', { column: column.Name })}
      submit={adding ? t('designer.add') : t('form.save')}>
      {adding && (
        <Field label={t('designer.name')} required hint={t('designer.nameHint')}>
          <Input value={column.Name} onChange={(_, d) => setColumn({ ...column, Name: d.value })} autoComplete="off" />
        </Field>
      )}
      <Field label={t('designer.caption')}>
        <Input value={column.Caption} onChange={(_, d) => setColumn({ ...column, Caption: d.value })} autoComplete="off" />
      </Field>
      <Field label={t('designer.type')} hint={adding ? undefined : t('designer.typeHint')}>
        <Dropdown value={t(`designer.types.${column.Type}`)} selectedOptions={[column.Type]}
          onOptionSelect={(_, d) => setColumn({ ...column, Type: d.optionValue ?? column.Type })}>
          {COLUMN_TYPES.filter((type) => adding || (type !== 'Lookup' && type !== 'Binary') || type === column.Type).map((type) => (
            <Option key={type} value={type}>{t(`designer.types.${type}`)}</Option>
          ))}
        </Dropdown>
      </Field>
      {lookup && (
        <Field label={t('designer.reference')} required={adding}>
          <Dropdown value={referenced ? `${referenced.Caption} (${referenced.Name})` : column.Reference ?? ''} disabled={!adding}
            selectedOptions={column.Reference ? [column.Reference] : []}
            onOptionSelect={(_, d) => setColumn({ ...column, Reference: d.optionValue ?? null })}>
            {objects.map((o) => <Option key={o.Name} value={o.Name}>{`${o.Caption} (${o.Name})`}</Option>)}
          </Dropdown>
        </Field>
      )}
      <Checkbox label={t('designer.required')} checked={column.Required} onChange={(_, d) => setColumn({ ...column, Required: !!d.checked })} />
      <Checkbox label={t('designer.unique')} checked={indexable && column.Unique} disabled={!indexable}
        onChange={(_, d) => setColumn({ ...column, Unique: !!d.checked })} />
      <Checkbox label={t('designer.indexed')} checked={indexable && (column.Indexed || column.Unique)} disabled={!indexable || column.Unique}
        onChange={(_, d) => setColumn({ ...column, Indexed: !!d.checked })} />
      {!lookup && column.Type !== 'Binary' && (
        <Field label={t('designer.defaultValue')} hint={t('designer.defaultValueHint')}>
          <Input value={column.DefaultValue ?? ''} onChange={(_, d) => setColumn({ ...column, DefaultValue: d.value || null })} autoComplete="off" />
        </Field>
      )}
    </FormDialog>
  );
}
