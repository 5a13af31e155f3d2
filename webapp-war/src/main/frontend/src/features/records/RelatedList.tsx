// A form's related list: the first records of another object that refer to this one (a contact's
// activities, an account's contacts), each a link to its form, with their number.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { request } from '../../lib/http';
import { ODATA_JSON } from './requests';
import type { RelatedView } from './types';

const SHOWN = 10;
const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function RelatedList({ related, id }: { related: RelatedView; id: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const display = related.DisplayColumn ?? 'Id';
  const rows = useQuery({
    queryKey: ['records', related.Object, 'related', related.Property, id],
    queryFn: ({ signal }) => request<{ value: Record<string, string>[]; '@odata.count': string }>(
      `/0/odata/${related.Object}?$select=Id,${display}&$filter=${encodeURIComponent(`${related.Property} eq ${id}`)}`
        + `&$orderby=${display},Id&$top=${SHOWN}&$count=true`, { headers: { Accept: ODATA_JSON }, signal }),
  });
  const headingId = `related-${related.Navigation}`;
  const total = Number(rows.data?.['@odata.count'] ?? 0);
  return (
    <section className={styles.box} aria-labelledby={headingId}>
      <Title3 as="h2" id={headingId}>{related.Caption}{rows.data ? ` (${total})` : ''}</Title3>
      {rows.data && total === 0 && <Text as="p">{t('form.noRelated')}</Text>}
      {rows.data && total > 0 && (
        <ul className={styles.list}>
          {rows.data.value.map((r) => (
            <li key={r.Id}><Link href={`#/${related.Object}/${r.Id}`}>{String(r[display] ?? r.Id)}</Link></li>
          ))}
        </ul>
      )}
      {total > SHOWN && <Text as="p">{t('form.moreRelated', { count: total - SHOWN })}</Text>}
    </section>
  );
}
