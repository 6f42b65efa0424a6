export * from './audit.module';
export * from './audit-log/audit.service';
export * from './audit-log/audit-redaction';
