// The designer's card for record permissions: whether the object's records carry rights of their
// own (who may read, change, delete each one), and where those rights stand. Switching them on
// gives every existing record its default rights: at once for a small table, by the background job
// record-rights-upkeep for a large one; so does "Bring up to date". While the job has work left the
// card shows its progress and asks again every 2 s, and says when the rights are up to date. The
// rules that decide the default rights are set through the API (docs/permissions.md).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Link, MessageBar, MessageBarBody, Switch, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { WorkProgress } from '../../components/WorkProgress';
import { useSubmit } from '../../components/useSubmit';
import { useWorkspace } from '../workspace';
import { CAN_MANAGE_SCHEDULED_JOBS } from '../admin/jobs';
import { RIGHTS_JOB, RIGHTS_POLL_MS, designerKeys, fetchRights, recomputeRights, setRecordPermissions, type DesignerObject } from './designer';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  state: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

export function RecordRightsCard({ object, act }: {
  object: DesignerObject;
  /** sends a change and says how it went on the page (useOutcome); false when refused */
  act: (run: () => Promise<unknown>, done: string) => Promise<boolean>;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const client = useQueryClient();
  const operations = useWorkspace().data?.Operations ?? [];
  const rights = useQuery({
    queryKey: designerKeys.rights(object.Name),
    queryFn: ({ signal }) => fetchRights(object.Name, signal),
    refetchInterval: (q) => (q.state.data && q.state.data.RightsState !== 'Current' ? RIGHTS_POLL_MS : false),
  });
  const { busy, submit } = useSubmit();
  const [confirmingOff, setConfirmingOff] = useState(false);
  const state = rights.data?.RightsState;
  const pending = object.AdministeredByRecords && !!state && state !== 'Current';

  // Seen waiting and now current: the job has finished while the page was open; say so.
  const waited = useRef(false);
  const [finished, setFinished] = useState(false);
  useEffect(() => {
    if (pending) {
      waited.current = true;
      setFinished(false);
    } else if (state === 'Current' && waited.current) {
      waited.current = false;
      setFinished(true);
    }
  }, [pending, state]);

  const change = (run: () => Promise<unknown>, done: string) => void submit(async () => {
    setFinished(false);
    const ok = await act(run, done);
    await client.invalidateQueries({ queryKey: designerKeys.rights(object.Name) });
    return ok;
  });
  const switchTo = (on: boolean) => change(() => setRecordPermissions(object.Name, on),
    t(on ? 'designer.recordRightsOn' : 'designer.recordRightsOff', { object: object.Caption }));

  return (
    <Card>
      <section className={styles.card} aria-labelledby="record-rights">
        <Title3 as="h2" id="record-rights">{t('designer.recordRights')}</Title3>
        <Text>{t('designer.recordRightsHint')}</Text>
        <Switch label={t('designer.rightsPerRecord')} checked={object.AdministeredByRecords} disabled={object.System || busy}
          onChange={(_, d) => (d.checked ? switchTo(true) : setConfirmingOff(true))} />
        {object.AdministeredByRecords && state && (
          <div className={styles.state}>
            <Badge appearance="tint" color={pending ? 'warning' : 'success'}>{t(`designer.rightsStates.${state}`)}</Badge>
            <Button icon={<ArrowSyncRegular />} disabled={busy || pending}
              onClick={() => change(() => recomputeRights(object.Name), t('designer.rightsRecomputed', { object: object.Caption }))}>
              {t('designer.recomputeRights')}
            </Button>
          </div>
        )}
        <WorkProgress active={pending} delay={0} label={t(state === 'FirstPending' ? 'designer.rightsFirstPending' : 'designer.rightsUpdatePending')} />
        {pending && operations.includes(CAN_MANAGE_SCHEDULED_JOBS) && (
          <Link href={`#/admin/jobs/${RIGHTS_JOB}`}>{t('designer.rightsJob', { job: RIGHTS_JOB })}</Link>
        )}
        {finished && (
          <MessageBar intent="success" role="status"><MessageBarBody>{t('designer.rightsCurrent', { object: object.Caption })}</MessageBarBody></MessageBar>
        )}
      </section>
      <ConfirmDialog open={confirmingOff} title={t('designer.recordRightsOffTitle', { object: object.Caption })}
        text={t('designer.recordRightsOffText', { object: object.Caption })} confirm={t('designer.switchOff')} busy={busy}
        onConfirm={() => { setConfirmingOff(false); switchTo(false); }} onClose={() => setConfirmingOff(false)} />
    </Card>
  );
}
