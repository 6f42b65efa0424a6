import { SUPPORTER_FILTER_FIELDS } from '@campaign-desk/contracts';
import { CONSENTS } from './consents';
import { toCreatePayload, toSupporterPayload } from './supporterPayload';

const record = {
  id: 'a1',
  name: 'Ada Lovelace',
  email: 'ada@example.org',
  phone: null,
  address: '',
  postcode: 'WC1E 6BT',
  constituency: { id: 'E14001290', name: 'Holborn and St Pancras' },
  constituencyId: 'E14001290',
  constituencyCandidates: [],
  consentChanges: {},
  constituencyOverride: null,
  consents: { contactByEmail: true, shareWithMp: false },
  onHold: false,
  onHoldReason: 'left over from an earlier hold',
  createdAt: '2026-11-23T10:00:00Z',
};

describe('toSupporterPayload', () => {
  it('sends only the editable fields, every consent as true/false, and empty text as null', () => {
    expect(toSupporterPayload(record)).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.org',
      phone: null,
      address: null,
      postcode: 'WC1E 6BT',
      constituencyOverride: null,
      consents: { contactByEmail: true, shareWithMp: false, shareWithTrust: false, media: false },
      onHold: false,
      onHoldReason: null,
    });
  });

  it('keeps the reason only with the on-hold flag, and a staff-chosen seat', () => {
    const payload = toSupporterPayload({
      ...record,
      onHold: true,
      onHoldReason: 'Bereavement',
      constituencyOverride: 'E14001172',
    });
    expect(payload).toMatchObject({ onHold: true, onHoldReason: 'Bereavement', constituencyOverride: 'E14001172' });
  });
});

describe('toCreatePayload', () => {
  it('adds createAnyway only when asked', () => {
    expect(toCreatePayload(record)).not.toHaveProperty('createAnyway');
    expect(toCreatePayload(record, true)).toMatchObject({ createAnyway: true, name: 'Ada Lovelace' });
  });
});

describe('consent filters', () => {
  it('name filters the API accepts', () => {
    for (const { filter } of CONSENTS) expect(SUPPORTER_FILTER_FIELDS).toContain(filter);
    expect(CONSENTS.map((c) => c.filter)).toEqual([
      'consentContactByEmail',
      'consentShareWithMp',
      'consentShareWithTrust',
      'consentMedia',
    ]);
  });
});
