// How an administration page runs a change and says how it went: a success or the server's
// reasons in one message bar above the page's content; what the page shows is read again either way.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { failure } from './failure';

export type Outcome = { intent: 'success' | 'error'; text: string } | null;

export function useOutcome(reread: () => Promise<unknown>) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>(null);
  /** Runs {@code change}; true when it went through. */
  const act = async (change: () => Promise<unknown>, done: string): Promise<boolean> => {
    setOutcome(null);
    try {
      await change();
      setOutcome({ intent: 'success', text: done });
      return true;
    } catch (e) {
      setOutcome({ intent: 'error', text: failure(e, t) });
      return false;
    } finally {
      await reread();
    }
  };
  const fail = (e: unknown) => setOutcome({ intent: 'error', text: failure(e, t) });
  return { outcome, setOutcome, act, fail };
}

/** The text of a refusal, for the dialog it came from; nothing after a success. */
export function errorOf(outcome: Outcome): string | undefined {
  return outcome?.intent === 'error' ? outcome.text : undefined;
}

export function OutcomeBar({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <MessageBar intent={outcome.intent} role={outcome.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{outcome.text}</MessageBarBody>
    </MessageBar>
  );
}
