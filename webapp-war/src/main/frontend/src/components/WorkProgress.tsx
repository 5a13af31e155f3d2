// What a page shows while work it asked for takes long: after a second without an answer, a
// moving bar with what is being done and for how long, so nobody wonders whether anything happens
// or sends again. The server does schema changes in one statement and answers when they are done,
// so the bar says how long, not how far; work the server does in the background (record rights)
// reports its state, shown the same way.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, ProgressBar } from '@fluentui/react-components';

/** How long work may take before its progress shows: quicker answers show nothing, so nothing flickers. */
export const PROGRESS_DELAY_MS = 1000;

export function WorkProgress({ active, label, value, since, delay = PROGRESS_DELAY_MS }: {
  active: boolean;
  /** how far, from 0 to 1, when the work can tell (an export counts its records); moving when left out */
  value?: number;
  /** what is being done ("Changing the table"); a general "Working" when left out */
  label?: string;
  /** when the work began, if it began before this page knew (epoch ms); else when `active` turned true */
  since?: number;
  delay?: number;
}) {
  const { t } = useTranslation();
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    setElapsed(0);
    if (!active) return undefined;
    const start = since ?? Date.now();
    const tick = () => setElapsed(Date.now() - start);
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [active, since]);
  if (!active || elapsed < delay) return null;
  const seconds = Math.floor(elapsed / 1000);
  return (
    // the label is announced once; the seconds count quietly
    <Field label={<span role="status">{label ?? t('work.working')}</span>} hint={t('work.elapsed', { count: seconds })}>
      <ProgressBar thickness="large" value={value} max={1} aria-label={label ?? t('work.working')} />
    </Field>
  );
}
