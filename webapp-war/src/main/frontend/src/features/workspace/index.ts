export { SectionIcon } from './SectionIcon';
export { useWorkspace, useNotices, findSection, prefetchWorkspace, workspaceKeys } from './api';
export type { Workspace, Section, Rights, Notice } from './types';
