import { useEffect, useState, type ReactNode } from 'react';
import { Button, Dialog, MessageBar, MessageBarBody, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { WorkProgress } from './WorkProgress';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Props {
  open: boolean;
  title: string;
  /** The submit button's text ("Create"). */
  submit: string;
  /** Whether the form may be sent now (filled in, not already being sent). */
  ready: boolean;
  onSubmit: () => void;
  onClose: () => void;
  /**
   * Why the last send was refused, shown in the dialog (what is outside a modal dialog is hidden
   * from everyone while it is open). Only a refusal that came while the dialog was open shows.
   */
  problem?: string;
  /** While the form is being sent: the submit button waits and, if it takes long, progress shows. */
  busy?: boolean;
  /** What the progress says is being done ("Changing the table"). */
  working?: string;
  children: ReactNode;
}

/** A dialog holding a small form: Enter or the primary button sends it, Cancel and Escape close it. */
export function FormDialog({ open, title, submit, ready, onSubmit, onClose, problem, busy = false, working, children }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [shown, setShown] = useState<string | undefined>();
  useEffect(() => setShown(undefined), [open]);
  useEffect(() => setShown(problem), [problem]);
  return (
    <Dialog open={open} onOpenChange={(_, d) => { if (!d.open) onClose(); }}>
      <DialogSurface>
        <form onSubmit={(e) => { e.preventDefault(); if (ready && !busy) onSubmit(); }}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {open && shown && <MessageBar intent="error" role="alert"><MessageBarBody>{shown}</MessageBarBody></MessageBar>}
              {children}
              <WorkProgress active={open && busy} label={working} />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={!ready || busy}>{submit}</Button>
              <Button onClick={onClose}>{t('form.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
