export { ListPage } from './ListPage';
export { BoardPage } from './BoardPage';
export { modeKey, sanitizeMode, type SectionMode } from './board';
export { FormPage } from './FormPage';
export { useObjectView, useRecordPage } from './api';
export { recordKeys, ODATA_JSON } from './requests';
export type { ObjectView, ColumnView, RecordRow } from './types';
export { SETTINGS_PREFIX, sanitizeSettings, settingsKey } from './filters';
export type { ListSettings, ListFilter } from './filters';
