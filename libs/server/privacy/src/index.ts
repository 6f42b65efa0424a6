export * from './privacy.module';
export { ErasureService } from './erasure/erasure.service';
export { SubjectAccessService } from './subject-access/subject-access.service';
export { SubjectAccessExportService } from './subject-access/subject-access-export.service';
