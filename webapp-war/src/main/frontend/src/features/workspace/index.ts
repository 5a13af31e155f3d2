export { SectionIcon } from './SectionIcon';
export { useWorkspace, useNotices, findSection } from './api';
export { workspaceKeys } from './requests';
export type { Workspace, Section, Rights, Notice } from './types';
