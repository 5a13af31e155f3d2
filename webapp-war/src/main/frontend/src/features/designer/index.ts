export { ObjectsPage } from './ObjectsPage';
export { ObjectPage } from './ObjectPage';
export { CAN_MANAGE_ADMINISTRATION } from './designer';
