export * from './reports.module';
export { ReportsService } from './reports.service';
