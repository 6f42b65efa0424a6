export { PostcodePreview, type PostcodePreviewProps } from './PostcodePreview';
export { usePostcodeLookup, lookupPostcode, type PostcodeLookupState, type PostcodeProblem } from './usePostcodeLookup';
export { formatShare, lookupMethodLabel, LOOKUP_METHOD_LABELS } from './lookupLabels';
