export { ListPage } from './ListPage';
export { FormPage } from './FormPage';
export { useObjectView, useRecordPage, recordKeys, ODATA_JSON } from './api';
export type { ObjectView, ColumnView, RecordRow } from './types';
