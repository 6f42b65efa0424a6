import { SetMetadata } from '@nestjs/common';
import type { JobName } from '@campaign-desk/contracts';

export const JOB_HANDLER = 'campaign-desk:job-handler';

/** Marks a provider method as the handler of one job. Put it only on processors the worker registers. */
export const JobHandler = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER, name);
