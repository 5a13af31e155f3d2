// A section of the workspace: the object's section caption as the page's heading, what the user
// may do with its records, and the list of its records built from the object's metadata.
import { useOutletContext, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MessageBar, MessageBarBody, Spinner, Title1, makeStyles, tokens } from '@fluentui/react-components';
import { findSection, type Workspace } from '../workspace';
import { ListPage, useObjectView } from '../records';
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
  if (!section) {
    return <MessageBar intent="warning"><MessageBarBody>{t('section.unknown', { name: object })}</MessageBarBody></MessageBar>;
  }
  return (
    <div className={styles.page}>
      <Title1 as="h1">{section.Caption}</Title1>
      {view.isPending && <Spinner label={t('app.loading')} />}
      {view.isError && <ErrorState error={view.error} onRetry={() => void view.refetch()} />}
      {view.data && <ListPage key={view.data.Name} view={view.data} />}
    </div>
  );
}
