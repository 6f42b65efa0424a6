import { richerFields } from './supporter-merge-fields';
import type { SupporterEntity } from '../supporters/supporter.entity';

const base = (over: Partial<SupporterEntity>): SupporterEntity =>
  ({
    id: 'x',
    name: 'J Smith',
    email: 'j@example.org',
    emailNormalised: 'j@example.org',
    phone: null,
    address: null,
    postcode: 'WC1E 6BT',
    constituencyGss: 'E14001290',
    constituencyMethod: 'exact',
    constituencyOverridden: false,
    constituencyCandidates: [],
    consentContactByEmail: false,
    consentContactByEmailAt: null,
    consentContactByEmailBy: null,
    consentShareWithMp: false,
    consentShareWithMpAt: null,
    consentShareWithMpBy: null,
    consentShareWithTrust: false,
    consentShareWithTrustAt: null,
    consentShareWithTrustBy: null,
    consentMedia: false,
    consentMediaAt: null,
    consentMediaBy: null,
    onHold: false,
    onHoldReason: null,
    deletedAt: null,
    mergedIntoId: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...over,
  }) as SupporterEntity;

describe('richerFields', () => {
  it('takes the fuller name and address and what the target lacks', () => {
    const { changes, taken } = richerFields(
      base({ phone: '+442079460123' }),
      base({ name: 'Jane Smith', address: '1 Example Road', phone: '+441614960123' }),
    );
    expect(changes).toEqual({ name: 'Jane Smith', address: '1 Example Road' });
    expect(taken).toEqual(['name', 'address']);
  });

  it('takes the postcode with its constituency when the target has none', () => {
    const { changes } = richerFields(
      base({ postcode: null, constituencyGss: null, constituencyMethod: null }),
      base({ constituencyOverridden: true }),
    );
    expect(changes).toMatchObject({ postcode: 'WC1E 6BT', constituencyGss: 'E14001290', constituencyOverridden: true });
  });

  it('keeps the most recently recorded decision for each consent', () => {
    const older = new Date('2026-01-01');
    const newer = new Date('2026-06-01');
    const { changes, taken } = richerFields(
      base({
        consentMedia: true,
        consentMediaAt: older,
        consentMediaBy: 'a',
        consentShareWithMp: true,
        consentShareWithMpAt: newer,
      }),
      base({
        consentMedia: false,
        consentMediaAt: newer,
        consentMediaBy: 'b',
        consentShareWithMp: false,
        consentShareWithMpAt: older,
      }),
    );
    expect(changes).toEqual({ consentMedia: false, consentMediaAt: newer, consentMediaBy: 'b' });
    expect(taken).toEqual(['consentMedia']);
  });

  it('stays on hold if either was, combining reasons', () => {
    expect(richerFields(base({}), base({ onHold: true, onHoldReason: 'Bereavement' })).changes).toEqual({
      onHold: true,
      onHoldReason: 'Bereavement',
    });
    expect(
      richerFields(
        base({ onHold: true, onHoldReason: 'Travelling' }),
        base({ onHold: true, onHoldReason: 'Bereavement' }),
      ).changes,
    ).toEqual({
      onHoldReason: 'Travelling; Bereavement',
    });
    expect(richerFields(base({ onHold: true, onHoldReason: 'Travelling' }), base({})).changes).toEqual({});
  });
});
