import type { SupporterEntity } from '../supporters/supporter.entity';
import { consentChangesOf } from './consent-changes';

const at = new Date('2026-06-01T10:00:00Z');

describe('consentChangesOf', () => {
  it('records every consent given on a new record, old value unknown', () => {
    const rows = consentChangesOf('s1', null, { consentContactByEmail: true, consentMedia: false }, { by: 'u1', at });
    expect(rows.map((r) => [r.consent, r.oldValue, r.newValue, r.method])).toEqual([
      ['contactByEmail', null, true, 'staff_entry'],
      ['media', null, false, 'staff_entry'],
    ]);
  });

  it('records only values that change, with how and the wording version', () => {
    const before = { consentContactByEmail: true, consentShareWithMp: false } as SupporterEntity;
    const rows = consentChangesOf(
      's1',
      before,
      { consentContactByEmail: true, consentShareWithMp: true },
      { by: 'u1', method: 'phone', wordingVersion: ' v2 ', at },
    );
    expect(rows).toEqual([
      {
        supporterId: 's1',
        consent: 'shareWithMp',
        oldValue: false,
        newValue: true,
        changedBy: 'u1',
        method: 'phone',
        wordingVersion: 'v2',
        at,
      },
    ]);
  });
});
