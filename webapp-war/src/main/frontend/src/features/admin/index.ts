export { UsersPage } from './UsersPage';
export { RolesPage } from './RolesPage';
export { RolePage } from './RolePage';
export { OperationsPage, OperationPage } from './OperationsPage';
export { CAN_MANAGE_USERS } from './users';
