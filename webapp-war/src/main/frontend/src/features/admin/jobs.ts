// Scheduled jobs (/0/rest/jobs, operation CanManageScheduledJobs) as the administration pages use
// them: each job's schedule, state and last outcome, its recent firings, and run now, pause, resume.
import { request } from '../../lib/http';

export const CAN_MANAGE_SCHEDULED_JOBS = 'CanManageScheduledJobs';

export interface Job {
  Name: string;
  Description: string | null;
  Schedule: string;
  /** Quartz's trigger state: NORMAL, PAUSED, BLOCKED (running), ERROR, NONE. */
  State: string;
  NextFireTime: string | null;
  PreviousFireTime: string | null;
  LastFinishedOn: string | null;
  LastOutcome: string | null;
}

export interface JobRun {
  FireTime: string;
  NodeId: string;
  Attempts: number;
  Status: string;
  Outcome: string | null;
  StartedOn: string | null;
  FinishedOn: string | null;
}

/** How often an open jobs page reads the state again: a firing shows while it runs and once it is done. */
export const JOBS_REFRESH_MS = 3000;

export const jobKeys = {
  all: ['admin', 'jobs'] as const,
  runs: (name: string) => ['admin', 'jobs', name, 'runs'] as const,
};

const path = (name: string) => `/0/rest/jobs/${encodeURIComponent(name)}`;

export const fetchJobs = (signal?: AbortSignal) => request<Job[]>('/0/rest/jobs', { signal });
export const fetchRuns = (name: string, signal?: AbortSignal) => request<JobRun[]>(`${path(name)}/runs?top=50`, { signal });
export const triggerJob = (job: Job) => request<void>(`${path(job.Name)}/trigger`, { method: 'POST' });
export const pauseJob = (job: Job) => request<void>(`${path(job.Name)}/pause`, { method: 'POST' });
export const resumeJob = (job: Job) => request<void>(`${path(job.Name)}/resume`, { method: 'POST' });

/** The colour of a state's badge. */
export function stateColour(state: string): 'success' | 'warning' | 'danger' | 'informative' {
  return state === 'NORMAL' ? 'success' : state === 'PAUSED' ? 'warning' : state === 'ERROR' ? 'danger' : 'informative';
}
