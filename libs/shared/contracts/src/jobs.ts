/**
 * The typed job catalogue: every job name, the queue it runs on and its payload.
 * Payloads carry ids only — never names, addresses or message text (DESIGN invariant 5).
 * The worker refuses to start unless every name here has exactly one handler.
 */
export const QUEUES = ['maintenance', 'intake', 'email'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  /** Deletes expired staff sessions. Repeatable. */
  'maintenance.purge-sessions': Record<string, never>;
  /** Parses one stored raw message (jobId = its id, so a message is queued once). */
  'intake.parse-message': { rawMessageId: string };
  /** Re-enqueues stored messages left unparsed (Redis flushed, worker killed). Repeatable. */
  'intake.reconcile': Record<string, never>;
  /** Polls the team mailbox when IMAP_URL is set. Repeatable; one poller at a time. */
  'intake.poll-imap': Record<string, never>;
  /**
   * Sends one outbox row (jobId = its id; delayed until it is due). Alone on the `email` queue,
   * whose worker is rate limited (SEND_RATE_PER_MINUTE).
   */
  'email.send': { scheduledEmailId: string };
  /** Re-enqueues outbox rows with no job and settles sends whose worker died. Repeatable; on `maintenance`, outside the send rate limit. */
  'email.reconcile': Record<string, never>;
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { readonly [K in JobName]: QueueName } = {
  'maintenance.purge-sessions': 'maintenance',
  'intake.parse-message': 'intake',
  'intake.reconcile': 'intake',
  'intake.poll-imap': 'intake',
  'email.send': 'email',
  'email.reconcile': 'maintenance',
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];
