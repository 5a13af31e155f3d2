export { SectionPage } from './SectionPage';
export { RecordPage } from './RecordPage';
