// Administration: scheduled jobs (operation CanManageScheduledJobs). Every job with its schedule,
// state, next firing and last outcome; a job's page adds its description and its 50 newest firings
// (which node, attempts, status, outcome, when). Run now, pause and resume from either page. Both
// read again every few seconds, so a firing shows while it runs and once it has finished.
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Link, MenuItem, Spinner, Text, Title1, Title3, createTableColumn,
  type TableColumnDefinition } from '@fluentui/react-components';
import { PauseRegular, PlayRegular, ArrowClockwiseRegular } from '@fluentui/react-icons';
import { ApiError } from '../../lib/http';
import { formatMoment } from '../../lib/i18n';
import { ErrorState } from '../../components/ErrorState';
import { DetailHeading } from '../../components/DetailHeading';
import { Facts, Fact } from '../../components/Facts';
import { ItemGrid } from '../../components/ItemGrid';
import { RowActions } from '../../components/RowActions';
import { usePageStyles } from '../../components/pageStyles';
import { OutcomeBar, useOutcome } from '../../components/useOutcome';
import { JOBS_REFRESH_MS, fetchJobs, fetchRuns, jobKeys, pauseJob, resumeJob, stateColour, triggerJob, type Job, type JobRun } from './jobs';

const when = (iso: string | null) => (iso ? formatMoment(iso) : '—');

function useJobs() {
  return useQuery({ queryKey: jobKeys.all, queryFn: ({ signal }) => fetchJobs(signal), refetchInterval: JOBS_REFRESH_MS });
}

/** Run now, pause, resume: what each page offers for a job, with what the page says after. */
function useJobActions() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { outcome, act } = useOutcome(() => client.invalidateQueries({ queryKey: jobKeys.all }));
  return {
    outcome,
    trigger: (job: Job) => void act(() => triggerJob(job), t('admin.jobTriggered', { name: job.Name })),
    pause: (job: Job) => void act(() => pauseJob(job), t('admin.jobPaused', { name: job.Name })),
    resume: (job: Job) => void act(() => resumeJob(job), t('admin.jobResumed', { name: job.Name })),
  };
}

function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return <Badge appearance="tint" color={stateColour(state)}>{t(`admin.jobStates.${state}`, { defaultValue: state })}</Badge>;
}

export function JobsPage() {
  const styles = usePageStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const jobs = useJobs();
  const actions = useJobActions();
  const columns: TableColumnDefinition<Job>[] = [
    createTableColumn<Job>({
      columnId: 'Name', renderHeaderCell: () => t('admin.job'),
      renderCell: (j) => <Link href={`#/admin/jobs/${j.Name}`} onClick={(e) => { e.preventDefault(); navigate(`/admin/jobs/${j.Name}`); }}>{j.Name}</Link>,
    }),
    createTableColumn<Job>({ columnId: 'Schedule', renderHeaderCell: () => t('admin.schedule'), renderCell: (j) => j.Schedule }),
    createTableColumn<Job>({ columnId: 'State', renderHeaderCell: () => t('admin.state'), renderCell: (j) => <StateBadge state={j.State} /> }),
    createTableColumn<Job>({ columnId: 'Next', renderHeaderCell: () => t('admin.nextFiring'), renderCell: (j) => when(j.NextFireTime) }),
    createTableColumn<Job>({ columnId: 'Outcome', renderHeaderCell: () => t('admin.lastOutcome'), renderCell: (j) => j.LastOutcome ?? '—' }),
    createTableColumn<Job>({
      columnId: 'Actions', renderHeaderCell: () => t('admin.actions'),
      renderCell: (j) => (
        <RowActions name={j.Name}>
          <MenuItem onClick={() => actions.trigger(j)}>{t('admin.runNow')}</MenuItem>
          {j.State === 'PAUSED'
            ? <MenuItem onClick={() => actions.resume(j)}>{t('admin.resume')}</MenuItem>
            : <MenuItem onClick={() => actions.pause(j)}>{t('admin.pause')}</MenuItem>}
        </RowActions>
      ),
    }),
  ];
  return (
    <div className={styles.page}>
      <Title1 as="h1">{t('admin.jobs')}</Title1>
      <OutcomeBar outcome={actions.outcome} />
      {jobs.isPending && <Spinner label={t('app.loading')} />}
      {jobs.isError ? <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} /> : (
        <ItemGrid minWidth="880px" items={[...(jobs.data ?? [])].sort((a, b) => a.Name.localeCompare(b.Name))} columns={columns}
          getRowId={(j: Job) => j.Name} label={t('admin.jobs')} controls={['Name', 'Actions']} />
      )}
    </div>
  );
}

export function JobPage() {
  const styles = usePageStyles();
  const { t } = useTranslation();
  const { name = '' } = useParams();
  const jobs = useJobs();
  const runs = useQuery({ queryKey: jobKeys.runs(name), queryFn: ({ signal }) => fetchRuns(name, signal), refetchInterval: JOBS_REFRESH_MS });
  const actions = useJobActions();
  if (jobs.isPending) return <Spinner label={t('app.loading')} />;
  if (jobs.isError) return <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />;
  const job = jobs.data.find((j) => j.Name === name);
  if (!job) return <ErrorState error={new ApiError(404, 'NOT_FOUND', t('admin.noSuchJob'))} />;
  const columns: TableColumnDefinition<JobRun>[] = [
    createTableColumn<JobRun>({ columnId: 'Fired', renderHeaderCell: () => t('admin.firedAt'), renderCell: (r) => when(r.FireTime) }),
    createTableColumn<JobRun>({ columnId: 'Node', renderHeaderCell: () => t('admin.node'), renderCell: (r) => r.NodeId }),
    createTableColumn<JobRun>({ columnId: 'Status', renderHeaderCell: () => t('admin.status'), renderCell: (r) => r.Status }),
    createTableColumn<JobRun>({ columnId: 'Attempts', renderHeaderCell: () => t('admin.attempts'), renderCell: (r) => r.Attempts }),
    createTableColumn<JobRun>({ columnId: 'Outcome', renderHeaderCell: () => t('admin.outcome'), renderCell: (r) => r.Outcome ?? '' }),
    createTableColumn<JobRun>({ columnId: 'Finished', renderHeaderCell: () => t('admin.finishedAt'), renderCell: (r) => when(r.FinishedOn) }),
  ];
  return (
    <div className={styles.page}>
      <DetailHeading back={{ to: '/admin/jobs', label: t('admin.jobs') }} title={job.Name}>
        <StateBadge state={job.State} />
      </DetailHeading>
      <OutcomeBar outcome={actions.outcome} />
      <div className={styles.tools}>
        <Button appearance="primary" icon={<ArrowClockwiseRegular />} onClick={() => actions.trigger(job)}>{t('admin.runNow')}</Button>
        {job.State === 'PAUSED'
          ? <Button icon={<PlayRegular />} onClick={() => actions.resume(job)}>{t('admin.resume')}</Button>
          : <Button icon={<PauseRegular />} onClick={() => actions.pause(job)}>{t('admin.pause')}</Button>}
      </div>
      <Card>
        <Facts>
          <Fact term={t('admin.description')}>{job.Description ?? '—'}</Fact>
          <Fact term={t('admin.schedule')}>{job.Schedule}</Fact>
          <Fact term={t('admin.nextFiring')}>{when(job.NextFireTime)}</Fact>
          <Fact term={t('admin.previousFiring')}>{when(job.PreviousFireTime)}</Fact>
          <Fact term={t('admin.lastOutcome')}>{job.LastOutcome ?? '—'}</Fact>
        </Facts>
      </Card>
      <Title3 as="h2">{t('admin.firings')}</Title3>
      <Text>{t('admin.firingsHint')}</Text>
      {runs.isError ? <ErrorState error={runs.error} onRetry={() => void runs.refetch()} /> : (
        <ItemGrid minWidth="720px" items={runs.data ?? []} columns={columns} getRowId={(r: JobRun) => `${r.FireTime}|${r.NodeId}`}
          label={t('admin.firingsOf', { name: job.Name })} />
      )}
    </div>
  );
}
