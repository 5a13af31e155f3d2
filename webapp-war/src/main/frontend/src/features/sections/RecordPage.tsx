// A record of a section: /#/<Object>/<id>, or /#/<Object>/new for a new one.
import { useOutletContext, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { findSection, type Workspace } from '../workspace';
import { FormPage, useObjectView } from '../records';
import { ErrorState } from '../../components/ErrorState';

export function RecordPage() {
  const { t } = useTranslation();
  const { object, id } = useParams();
  const workspace = useOutletContext<Workspace>();
  const section = findSection(workspace, object);
  const view = useObjectView(section?.Name);
  if (!section) {
    return <MessageBar intent="warning"><MessageBarBody>{t('section.unknown', { name: object })}</MessageBarBody></MessageBar>;
  }
  if (view.isPending) return <Spinner label={t('app.loading')} />;
  if (view.isError) return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  return <FormPage key={`${view.data.Name}/${id}`} view={view.data} id={id!} />;
}
