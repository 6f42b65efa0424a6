export * from './privacy.module';
export { ErasureService } from './erasure/erasure.service';
