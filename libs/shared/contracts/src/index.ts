export * from './enums';
export * from './jobs';
export * from './auth';
export * from './events';
