import { JOB_NAMES, type JobName } from '@campaign-desk/contracts';

export interface JobContext {
  jobId?: string;
  attemptsMade: number;
  /** Puts the job back to sleep until `at` without counting an attempt (it runs again then). Never returns. */
  delayUntil(at: Date): Promise<never>;
}

export type JobHandlerFn = (payload: unknown, context: JobContext) => Promise<unknown>;

export interface DiscoveredHandler {
  name: string;
  owner: string;
  handle: JobHandlerFn;
}

/**
 * Builds the name → handler map, refusing any catalogue entry with no handler or two,
 * and any handler for a name the catalogue does not know.
 */
export function buildHandlerMap(discovered: DiscoveredHandler[]): Map<JobName, JobHandlerFn> {
  const byName = new Map<string, DiscoveredHandler[]>();
  for (const h of discovered) byName.set(h.name, [...(byName.get(h.name) ?? []), h]);
  const problems: string[] = [];
  for (const name of JOB_NAMES) {
    const found = byName.get(name) ?? [];
    if (found.length === 0) problems.push(`job "${name}" has no handler`);
    if (found.length > 1)
      problems.push(`job "${name}" has ${found.length} handlers (${found.map((h) => h.owner).join(', ')})`);
  }
  for (const name of byName.keys()) {
    if (!(JOB_NAMES as string[]).includes(name)) problems.push(`handler for unknown job "${name}"`);
  }
  if (problems.length) throw new Error(`Job catalogue check failed:\n  - ${problems.join('\n  - ')}`);
  return new Map(JOB_NAMES.map((name) => [name, byName.get(name)![0].handle]));
}
