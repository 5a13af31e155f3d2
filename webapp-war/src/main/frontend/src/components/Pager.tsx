// The pager under every paged list: "51–100 of 1,234" (read out when it changes) and buttons for the
// previous and next page. The range is that of the rows on screen, which stay the previous page's
// while the next one loads; the buttons follow the page asked for.
import { useTranslation } from 'react-i18next';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { userLocale } from '../lib/i18n';

const useStyles = makeStyles({
  pager: { display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
});

export function Pager({ page, shownPage = page, size, total, onPage }: {
  page: number; shownPage?: number; size: number; total: number; onPage: (page: number) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const first = total === 0 ? 0 : shownPage * size + 1;
  const last = Math.min(total, (shownPage + 1) * size);
  const numbers = new Intl.NumberFormat(userLocale());
  return (
    <nav className={styles.pager} aria-label={t('list.pages')}>
      <Text role="status" aria-live="polite">{t('list.range', { first: numbers.format(first), last: numbers.format(last), total: numbers.format(total) })}</Text>
      <Button icon={<ChevronLeftRegular />} aria-label={t('list.previous')} disabled={page === 0} onClick={() => onPage(page - 1)} />
      <Button icon={<ChevronRightRegular />} aria-label={t('list.next')} disabled={(page + 1) * size >= total} onClick={() => onPage(page + 1)} />
    </nav>
  );
}
