import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

export function NotFound() {
  const { t } = useTranslation();
  return <MessageBar intent="warning"><MessageBarBody>{t('app.notFound')}</MessageBarBody></MessageBar>;
}
