// A lookup's input: a combobox that searches the target object's records by their display column
// as the user types (OData, 20 at a time) and keeps the chosen record's id.
import { request } from '../../lib/http';
import { SearchCombobox, type Choice } from '../../components/SearchCombobox';
import { ODATA_JSON } from './requests';
import { odataString } from './odata';
import type { ColumnView } from './types';

interface Props {
  id: string;
  column: ColumnView;
  value: Choice | null;
  onChange: (value: Choice | null) => void;
  invalid: boolean;
  describedBy?: string;
}

export function LookupField({ id, column, value, onChange, invalid, describedBy }: Props) {
  const display = column.ReferenceDisplayColumn ?? 'Id';
  const search = (term: string, signal: AbortSignal) => {
    const filter = term ? `&$filter=${encodeURIComponent(`contains(tolower(${display}),${odataString(term.toLowerCase())})`)}` : '';
    return request<{ value: Record<string, string>[] }>(
      `/0/odata/${column.Reference}?$select=Id,${display}&$orderby=${display}&$top=20${filter}`, { headers: { Accept: ODATA_JSON }, signal })
      .then((a) => a.value.map((r) => ({ id: r.Id, text: String(r[display] ?? r.Id) })));
  };
  return <SearchCombobox id={id} queryKey={['lookup', column.Reference]} search={search} value={value} onChange={onChange}
    invalid={invalid} describedBy={describedBy} />;
}
