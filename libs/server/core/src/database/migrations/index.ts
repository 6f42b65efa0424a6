import { Foundation1700000000000 } from './1700000000000-foundation';
import { DirectorySupporters1700000001000 } from './1700000001000-directory-supporters';

/** Every migration, in order. Listed explicitly so the build, the CLI and the tests run the same set. */
export const MIGRATIONS = [Foundation1700000000000, DirectorySupporters1700000001000];
