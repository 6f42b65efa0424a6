export { MpRecord } from './MpRecord';
export { mpRecordMessages } from './messages';
