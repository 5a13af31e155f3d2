// A lookup's input: a combobox that searches the target object's records by their display column
// as the user types (OData, 20 at a time) and keeps the chosen record's id.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Combobox, Option } from '@fluentui/react-components';
import { request } from '../../lib/http';
import { ODATA_JSON } from './requests';
import { odataString } from './odata';
import type { ColumnView } from './types';

interface Props {
  id: string;
  column: ColumnView;
  value: { id: string; text: string } | null;
  onChange: (value: { id: string; text: string } | null) => void;
  invalid: boolean;
  describedBy?: string;
}

export function LookupField({ id, column, value, onChange, invalid, describedBy }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(value?.text ?? '');
  const [term, setTerm] = useState('');
  const [open, setOpen] = useState(false);
  useEffect(() => setTyped(value?.text ?? ''), [value?.id, value?.text]);
  useEffect(() => {
    const timer = setTimeout(() => setTerm(typed === value?.text ? '' : typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed, value?.text]);
  const display = column.ReferenceDisplayColumn ?? 'Id';
  const options = useQuery({
    queryKey: ['lookup', column.Reference, term],
    queryFn: ({ signal }) => {
      const filter = term ? `&$filter=${encodeURIComponent(`contains(tolower(${display}),${odataString(term.toLowerCase())})`)}` : '';
      return request<{ value: Record<string, string>[] }>(
        `/0/odata/${column.Reference}?$select=Id,${display}&$orderby=${display}&$top=20${filter}`, { headers: { Accept: ODATA_JSON }, signal })
        .then((a) => a.value.map((r) => ({ id: r.Id, text: String(r[display] ?? r.Id) })));
    },
    staleTime: 10_000,
    // Only once the user opens or types into it: a form does not search every lookup's target on load.
    enabled: open || term !== '',
  });
  return (
    <Combobox
      id={id}
      freeform
      clearable
      value={typed}
      open={open}
      onOpenChange={(_, data) => setOpen(data.open)}
      selectedOptions={value ? [value.id] : []}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      placeholder={t('form.searchLookup')}
      onChange={(e) => {
        setTyped(e.target.value);
        setOpen(true); // the matches show as the user types
      }}
      onOptionSelect={(_, data) => {
        if (!data.optionValue) {
          onChange(null);
          setTyped('');
          return;
        }
        const chosen = options.data?.find((o) => o.id === data.optionValue);
        onChange(chosen ?? null);
        setTyped(chosen?.text ?? '');
        setOpen(false);
      }}
    >
      {options.isFetching && !options.data && <Option disabled value="" text="">{t('app.loading')}</Option>}
      {options.data?.map((o) => <Option key={o.id} value={o.id} text={o.text}>{o.text}</Option>)}
      {options.data?.length === 0 && <Option disabled value="" text="">{t('form.noMatch')}</Option>}
    </Combobox>
  );
}
