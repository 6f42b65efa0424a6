import { JOB_NAMES } from '@campaign-desk/contracts';
import { buildHandlerMap, type DiscoveredHandler } from './job-handler-registry';

const handle = async () => undefined;
const all = (): DiscoveredHandler[] => JOB_NAMES.map((name) => ({ name, owner: `P.${name}`, handle }));

describe('buildHandlerMap', () => {
  it('accepts exactly one handler per catalogue entry', () => {
    expect(buildHandlerMap(all()).size).toBe(JOB_NAMES.length);
  });

  it('refuses a job with no handler', () => {
    expect(() => buildHandlerMap(all().slice(1))).toThrow(`job "${JOB_NAMES[0]}" has no handler`);
  });

  it('refuses a job with two handlers', () => {
    expect(() => buildHandlerMap([...all(), { name: JOB_NAMES[0], owner: 'Other.run', handle }])).toThrow(
      /has 2 handlers/,
    );
  });

  it('refuses a handler for a job the catalogue does not know', () => {
    expect(() => buildHandlerMap([...all(), { name: 'nope.job', owner: 'X.y', handle }])).toThrow(
      /unknown job "nope.job"/,
    );
  });
});
