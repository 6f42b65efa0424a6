/**
 * The typed job catalogue: every job name, the queue it runs on and its payload.
 * Payloads carry ids only — never names, addresses or message text (DESIGN invariant 5).
 * The worker refuses to start unless every name here has exactly one handler.
 */
export const QUEUES = ['maintenance'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  /** Deletes expired staff sessions. Repeatable. */
  'maintenance.purge-sessions': Record<string, never>;
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { readonly [K in JobName]: QueueName } = {
  'maintenance.purge-sessions': 'maintenance',
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];
