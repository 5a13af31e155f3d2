// Sign-in Code 2 (the password expires soon): the sign-in page keeps the server's reminder for the
// tab and the workspace shows it above every page, with the way to change the password, until the
// user dismisses it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';

const useStyles = makeStyles({ bar: { marginBottom: tokens.spacingVerticalL } });

export const REMINDER_KEY = 'atrium.passwordReminder';

function stored(): string | null {
  try {
    return window.sessionStorage.getItem(REMINDER_KEY);
  } catch {
    return null;
  }
}

export function changePasswordUrl(user: string): string {
  return '/ChangePassword?user=' + encodeURIComponent(user);
}

export function PasswordReminder({ user }: { user: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [text, setText] = useState(stored);
  if (!text) return null;
  const dismiss = () => {
    try { window.sessionStorage.removeItem(REMINDER_KEY); } catch { /* nothing kept */ }
    setText(null);
  };
  return (
    <MessageBar className={styles.bar} intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('app.passwordReminder')}</MessageBarTitle>
        {text} <Link href={changePasswordUrl(user)}>{t('app.changePassword')}</Link>
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t('app.dismiss')} icon={<DismissRegular />}
        onClick={dismiss} />} />
    </MessageBar>
  );
}
