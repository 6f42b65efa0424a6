export { PostcodePreview, type PostcodePreviewProps } from './PostcodePreview';
export { usePostcodeLookup, lookupPostcode, type PostcodeLookupState, type PostcodeProblem } from './usePostcodeLookup';
export { formatShare } from './lookupLabels';
export { LookupMethodText } from './LookupMethodText';
