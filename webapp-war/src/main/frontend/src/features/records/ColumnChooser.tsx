// Choosing and ordering a list's columns: every column a list can show with a checkbox, the
// chosen ones first in their order with buttons to move them (keyboard-usable, no dragging
// needed), the defaults back with one button.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular } from '@fluentui/react-icons';
import { listableColumns } from './columns';
import type { ObjectView } from './types';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, width: '100%', minWidth: '280px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS,
    maxHeight: '60vh', overflowY: 'auto' },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  name: { flexGrow: 1 },
});

interface Props {
  open: boolean;
  view: ObjectView;
  shown: string[];
  defaults: string[];
  onApply: (columns: string[]) => void;
  onClose: () => void;
}

/** Moves the item at {@code from} one place up (-1) or down (+1). */
export function moved<T>(items: T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= items.length) return items;
  const next = [...items];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

export function ColumnChooser({ open, view, shown, defaults, onApply, onClose }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>(shown);
  useEffect(() => { if (open) setChosen(shown); }, [open, shown]);
  const all = listableColumns(view);
  const caption = (name: string) => all.find((c) => c.Name === name)?.Caption ?? name;
  const others = all.filter((c) => !chosen.includes(c.Name));
  return (
    <Dialog open={open} onOpenChange={(_, d) => { if (!d.open) onClose(); }}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('list.columnsTitle')}</DialogTitle>
          <DialogContent>
            <ul className={styles.list} aria-label={t('list.columnsTitle')}>
              {chosen.map((name, i) => (
                <li key={name} className={styles.item}>
                  <Checkbox className={styles.name} checked label={caption(name)} disabled={chosen.length === 1}
                    onChange={() => setChosen(chosen.filter((n) => n !== name))} />
                  <Button appearance="subtle" icon={<ArrowUpRegular />} disabled={i === 0}
                    aria-label={t('list.moveUp', { column: caption(name) })} onClick={() => setChosen(moved(chosen, i, -1))} />
                  <Button appearance="subtle" icon={<ArrowDownRegular />} disabled={i === chosen.length - 1}
                    aria-label={t('list.moveDown', { column: caption(name) })} onClick={() => setChosen(moved(chosen, i, 1))} />
                </li>
              ))}
              {others.map((c) => (
                <li key={c.Name} className={styles.item}>
                  <Checkbox className={styles.name} checked={false} label={c.Caption} onChange={() => setChosen([...chosen, c.Name])} />
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onApply(chosen)}>{t('list.apply')}</Button>
            <Button onClick={() => setChosen(defaults)}>{t('list.defaults')}</Button>
            <Button onClick={onClose}>{t('form.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
