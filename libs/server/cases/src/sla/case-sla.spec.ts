import { AppConfig, loadConfig } from '@campaign-desk/server-core';
import { CaseSlaPolicy, type SlaState } from './case-sla';

describe('CaseSlaPolicy', () => {
  const policy = new CaseSlaPolicy(
    new AppConfig(loadConfig({ SLA_FIRST_RESPONSE_WORKING_DAYS: '2', SLA_NEXT_UPDATE_WORKING_DAYS: '10' })),
  );
  const opened = new Date('2026-11-23T10:00:00Z'); // Monday
  const fresh = (over: Partial<SlaState> = {}): SlaState => ({
    status: 'new',
    nation: 'England',
    createdAt: opened,
    ...policy.forNewCase(opened, 'England'),
    ...over,
  });

  it('makes a new case due for a first response at the end of the second working day', () => {
    expect(fresh()).toMatchObject({
      firstResponseDueAt: new Date('2026-11-26T00:00:00Z'),
      slaDueAt: new Date('2026-11-26T00:00:00Z'),
      firstRespondedAt: null,
    });
  });

  it("uses the nation's holidays", () => {
    const friday = new Date('2026-11-27T12:00:00Z');
    expect(policy.forNewCase(friday, 'Scotland').firstResponseDueAt).toEqual(new Date('2026-12-03T00:00:00Z'));
    expect(policy.forNewCase(friday, 'Wales').firstResponseDueAt).toEqual(new Date('2026-12-02T00:00:00Z'));
  });

  it('does not count triage as a response, but counts starting work', () => {
    const at = new Date('2026-11-24T09:00:00Z');
    expect(policy.afterTransition(fresh({ status: 'triaged' }), 'new', at)).toMatchObject({
      firstRespondedAt: null,
      slaDueAt: new Date('2026-11-26T00:00:00Z'),
    });
    const working = policy.afterTransition(fresh({ status: 'in_progress' }), 'triaged', at);
    expect(working).toMatchObject({
      firstRespondedAt: at,
      nextUpdateDueAt: new Date('2026-12-09T00:00:00Z'),
      slaDueAt: new Date('2026-12-09T00:00:00Z'),
    });
  });

  it('pauses on hold and when closed, keeping the due dates for the record', () => {
    const at = new Date('2026-11-24T09:00:00Z');
    const held = policy.afterTransition(fresh({ status: 'on_hold' }), 'new', at);
    expect(held).toMatchObject({ slaDueAt: null, firstResponseDueAt: new Date('2026-11-26T00:00:00Z') });
    const closed = policy.afterTransition(
      fresh({ status: 'closed', firstRespondedAt: at, nextUpdateDueAt: new Date('2026-12-09T00:00:00Z') }),
      'in_progress',
      at,
    );
    expect(closed).toMatchObject({ slaDueAt: null, nextUpdateDueAt: null });
  });

  it('restarts an unmet first response from the return from hold', () => {
    const back = new Date('2026-12-07T09:00:00Z'); // Monday
    expect(policy.afterTransition(fresh({ status: 'new' }), 'on_hold', back)).toMatchObject({
      firstResponseDueAt: new Date('2026-12-10T00:00:00Z'),
      slaDueAt: new Date('2026-12-10T00:00:00Z'),
    });
  });

  it('treats an update sent to the supporter as the first response and restarts the next-update clock', () => {
    const at = new Date('2026-11-25T15:00:00Z');
    expect(policy.afterSupporterUpdate(fresh(), at)).toMatchObject({
      firstRespondedAt: at,
      nextUpdateDueAt: new Date('2026-12-10T00:00:00Z'),
      slaDueAt: new Date('2026-12-10T00:00:00Z'),
    });
    const held = policy.afterSupporterUpdate(fresh({ status: 'on_hold' }), at);
    expect(held).toMatchObject({ firstRespondedAt: at, slaDueAt: null });
  });

  it('re-counts an unmet first response when the nation changes, but not a met one', () => {
    expect(
      policy.afterNationChange(fresh({ nation: 'Scotland', createdAt: new Date('2026-11-27T12:00:00Z') }))
        .firstResponseDueAt,
    ).toEqual(new Date('2026-12-03T00:00:00Z'));
    const met = fresh({ firstRespondedAt: opened, nextUpdateDueAt: new Date('2026-12-08T00:00:00Z') });
    expect(policy.afterNationChange({ ...met, nation: 'Scotland' })).toMatchObject({
      firstResponseDueAt: met.firstResponseDueAt,
      slaDueAt: met.nextUpdateDueAt,
    });
  });
});
