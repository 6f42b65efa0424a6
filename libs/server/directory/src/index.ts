export * from './directory.module';
export { MpAddressStatusService } from './address-status/mp-address-status.service';
export { DirectoryService, postcodeError, type PostcodeProblem } from './directory.service';
export {
  DirectoryImportService,
  type DirectoryImportReport,
  type DatasetOutcome,
} from './import/directory-import.service';
export { DirectoryImportError } from './import/directory-formats';
export { resolveSources, DEFAULT_FILE_NAMES, type DirectorySources } from './import/directory-sources';
export type { SeatChange } from './import/mp-changes';
export { parsePostcode, type ParsedPostcode } from './postcode/postcode-format';
export { PostcodeIndex, type IndexedConstituency } from './postcode/postcode-index';
