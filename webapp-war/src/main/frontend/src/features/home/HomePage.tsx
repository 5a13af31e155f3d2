// The start page: a greeting, the user's notices (e.g. a licence that ends soon) and their sections.
import { useOutletContext } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, CardHeader, Link, MessageBar, MessageBarBody, Text, Title1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useNotices, type Workspace } from '../workspace';
import { formatDate } from '../../lib/i18n';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  notices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  grid: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', margin: 0, padding: 0, listStyleType: 'none' },
});

export function HomePage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const workspace = useOutletContext<Workspace>();
  const notices = useNotices();
  const items = notices.data ?? [];

  return (
    <div className={styles.page}>
      <Title1 as="h1">{t('home.welcome', { name: workspace.User.Name })}</Title1>
      <Text>{t('home.today', { date: formatDate(new Date()) })}</Text>
      {workspace.Limited && <MessageBar intent="warning"><MessageBarBody>{t('app.limited')}</MessageBarBody></MessageBar>}
      {items.length > 0 && (
        <section aria-labelledby="notices-title">
          <Title2 as="h2" id="notices-title">{t('home.notices')}</Title2>
          <ul className={styles.notices}>
            {items.map((n) => (
              <li key={n.Id}><MessageBar intent="warning"><MessageBarBody>{n.Message}</MessageBarBody></MessageBar></li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="sections-title">
        <Title2 as="h2" id="sections-title">{t('home.sections')}</Title2>
        {workspace.Sections.length === 0 ? <Text>{t('app.noSections')}</Text> : (
          <ul className={styles.grid}>
            {workspace.Sections.map((s) => (
              <li key={s.Name}>
                <Card>
                  <CardHeader header={<Link href={`#/${s.Name}`}>{s.Caption}</Link>} />
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
