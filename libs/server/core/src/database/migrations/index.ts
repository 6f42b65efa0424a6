import { Foundation1700000000000 } from './1700000000000-foundation';
import { DirectorySupporters1700000001000 } from './1700000001000-directory-supporters';
import { Intake1700000002000 } from './1700000002000-intake';
import { Cases1700000003000 } from './1700000003000-cases';
import { Correspondence1700000004000 } from './1700000004000-correspondence';
import { EngagementRecords1700000005000 } from './1700000005000-engagement-records';
import { Reports1700000006000 } from './1700000006000-reports';

/**
 * Every migration, in order. Listed explicitly so the build, the CLI and the tests run the same set.
 * Each is a snapshot: enum value lists are literals as of the day it was written (see ../sql-values.ts).
 */
export const MIGRATIONS = [
  Foundation1700000000000,
  DirectorySupporters1700000001000,
  Intake1700000002000,
  Cases1700000003000,
  Correspondence1700000004000,
  EngagementRecords1700000005000,
  Reports1700000006000,
];
