export { ReportsPage } from './ReportsPage';
export { reportsMessages } from './messages';
