// A combobox that searches as the user types (after a short pause) and keeps the chosen item's id:
// the lookups of forms and the pickers of the administration pages. It searches only once opened
// or typed into, so a page does not run every picker's search on load.
import { useEffect, useState } from 'react';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Combobox, Option } from '@fluentui/react-components';

export interface Choice {
  id: string;
  text: string;
}

interface Props {
  id?: string;
  /** The cache key of a search; the term is added to it. */
  queryKey: QueryKey;
  search: (term: string, signal: AbortSignal) => Promise<Choice[]>;
  value: Choice | null;
  onChange: (value: Choice | null) => void;
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
}

export function SearchCombobox({ id, queryKey, search, value, onChange, invalid, describedBy, placeholder }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(value?.text ?? '');
  const [term, setTerm] = useState('');
  const [open, setOpen] = useState(false);
  useEffect(() => setTyped(value?.text ?? ''), [value?.id, value?.text]);
  useEffect(() => {
    const timer = setTimeout(() => setTerm(typed === value?.text ? '' : typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed, value?.text]);
  const options = useQuery({
    queryKey: [...queryKey, term],
    queryFn: ({ signal }) => search(term, signal),
    staleTime: 10_000,
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
      placeholder={placeholder ?? t('form.searchLookup')}
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
