// A section of the workspace: the object's section caption as the page's heading, what the user
// may do with its records, and the list of its records built from the object's metadata and the
// user's kept list settings (a failure to read those falls back to the defaults).
import { useOutletContext, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { MessageBar, MessageBarBody, Spinner, Tab, TabList, Title1, makeStyles, tokens } from '@fluentui/react-components';
import { BoardRegular, TextBulletListLtrRegular } from '@fluentui/react-icons';
import { findSection, type Workspace } from '../workspace';
import { BoardPage, ListPage, SETTINGS_PREFIX, modeKey, sanitizeMode, sanitizeSettings, settingsKey, useObjectView,
  type ObjectView, type SectionMode } from '../records';
import { saveProfileEntry, useProfileEntries } from '../../lib/profile';
import { ErrorState } from '../../components/ErrorState';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});

/** Whether the section shows its list or its board: the user's choice, kept in their profile (list.<Object>.mode). */
function ModeSwitch({ view, mode }: { view: ObjectView; mode: SectionMode }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <TabList selectedValue={mode} aria-label={t('board.view')} onTabSelect={(_, data) =>
      void saveProfileEntry(client, SETTINGS_PREFIX, modeKey(view.Name), { Mode: data.value }).catch(() => undefined)}>
      <Tab value="list" icon={<TextBulletListLtrRegular />}>{t('board.list')}</Tab>
      <Tab value="board" icon={<BoardRegular />}>{t('board.board')}</Tab>
    </TabList>
  );
}

export function SectionPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const { object } = useParams();
  const workspace = useOutletContext<Workspace>();
  const section = findSection(workspace, object);
  const view = useObjectView(section?.Name);
  // the user's columns, sort and filters load beside the metadata, not after it
  const kept = useProfileEntries(SETTINGS_PREFIX);
  const mode: SectionMode = view.data ? sanitizeMode(kept.data?.get(modeKey(view.data.Name)), view.data) : 'list';
  if (!section) {
    return <MessageBar intent="warning"><MessageBarBody>{t('section.unknown', { name: object })}</MessageBarBody></MessageBar>;
  }
  return (
    <div className={styles.page}>
      <div className={styles.top}>
        <Title1 as="h1">{section.Caption}</Title1>
        {view.data?.Board && !kept.isPending && <ModeSwitch view={view.data} mode={mode} />}
      </div>
      {(view.isPending || kept.isPending) && <Spinner label={t('app.loading')} />}
      {view.isError && <ErrorState error={view.error} onRetry={() => void view.refetch()} />}
      {view.data && !kept.isPending && (mode === 'board'
        ? <BoardPage key={view.data.Name} view={view.data} />
        : <ListPage key={view.data.Name} view={view.data} kept={sanitizeSettings(view.data, kept.data?.get(settingsKey(view.data.Name)))} />
      )}
    </div>
  );
}
