export { UsersPage } from './UsersPage';
export { CAN_MANAGE_USERS } from './users';
