import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { WorkProgress } from './WorkProgress';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Props {
  open: boolean;
  title: string;
  text: string;
  confirm: string;
  /** While the change is being made: the button waits and, if it takes long, progress shows. */
  busy?: boolean;
  /** What the progress says is being done ("Dropping the column"). */
  working?: string;
  onConfirm: () => void;
  onClose: () => void;
}

/** An alert dialog that asks before something that cannot be undone; Cancel and Escape close it. */
export function ConfirmDialog({ open, title, text, confirm, busy = false, working, onConfirm, onClose }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={(_, d) => { if (!d.open) onClose(); }} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {text}
            <WorkProgress active={open && busy} label={working} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm} disabled={busy}>{confirm}</Button>
            <Button onClick={onClose}>{t('form.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
