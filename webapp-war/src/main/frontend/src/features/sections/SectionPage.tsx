// A section of the workspace: the object's section caption as the page's heading, what the user
// may do with its records, and the list of its records built from the object's metadata and the
// user's kept list settings (a failure to read those falls back to the defaults).
import { useOutletContext, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MessageBar, MessageBarBody, Spinner, Title1, makeStyles, tokens } from '@fluentui/react-components';
import { findSection, type Workspace } from '../workspace';
import { ListPage, SETTINGS_PREFIX, sanitizeSettings, settingsKey, useObjectView } from '../records';
import { useProfileEntries } from '../../lib/profile';
import { ErrorState } from '../../components/ErrorState';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export function SectionPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const { object } = useParams();
  const workspace = useOutletContext<Workspace>();
  const section = findSection(workspace, object);
  const view = useObjectView(section?.Name);
  // the user's columns, sort and filters load beside the metadata, not after it
  const kept = useProfileEntries(SETTINGS_PREFIX);
  if (!section) {
    return <MessageBar intent="warning"><MessageBarBody>{t('section.unknown', { name: object })}</MessageBarBody></MessageBar>;
  }
  return (
    <div className={styles.page}>
      <Title1 as="h1">{section.Caption}</Title1>
      {(view.isPending || kept.isPending) && <Spinner label={t('app.loading')} />}
      {view.isError && <ErrorState error={view.error} onRetry={() => void view.refetch()} />}
      {view.data && !kept.isPending && (
        <ListPage key={view.data.Name} view={view.data} kept={sanitizeSettings(view.data, kept.data?.get(settingsKey(view.data.Name)))} />
      )}
    </div>
  );
}
