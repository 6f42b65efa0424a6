export * from './enums';
export * from './jobs';
export * from './auth';
export * from './directory';
export * from './supporters';
export * from './events';
