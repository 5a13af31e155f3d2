export { ListPage } from './ListPage';
export { FormPage } from './FormPage';
export { useObjectView, useRecordPage, recordKeys, ODATA_JSON } from './api';
export type { ObjectView, ColumnView, RecordRow } from './types';
export { SETTINGS_PREFIX, sanitizeSettings, settingsKey } from './filters';
export type { ListSettings, ListFilter } from './filters';
