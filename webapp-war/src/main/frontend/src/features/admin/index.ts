export { UsersPage } from './UsersPage';
export { RolesPage } from './RolesPage';
export { RolePage } from './RolePage';
export { OperationsPage, OperationPage } from './OperationsPage';
export { SettingsPage, SettingPage } from './SettingsPage';
export { LicencesPage, LicencePage } from './LicencesPage';
export { JobsPage, JobPage } from './JobsPage';
export { AuditPage } from './AuditPage';
export { CAN_MANAGE_USERS } from './users';
