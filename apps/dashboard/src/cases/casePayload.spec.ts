import { toCreatePayload, toUpdatePayload } from './casePayload';

describe('case payloads', () => {
  it('creates with trimmed texts and nulls for empty ones', () => {
    expect(
      toCreatePayload({ supporterId: 's1', topics: ['other'], priority: 'high', summary: '  My story ', trust: '' }),
    ).toEqual({
      supporterId: 's1',
      topics: ['other'],
      priority: 'high',
      summary: 'My story',
      trust: null,
    });
  });

  const previous = {
    topics: ['other'],
    priority: 'normal',
    trust: 'Trust A',
    summary: 'story',
    constituencyId: 'E14001290',
    mpId: 12,
    reference: 'CD-1',
  };

  it('sends only the editable fields, and the constituency and MP only when they changed', () => {
    expect(toUpdatePayload({ ...previous, priority: 'urgent' }, previous)).toEqual({
      topics: ['other'],
      priority: 'urgent',
      trust: 'Trust A',
      summary: 'story',
    });
    expect(toUpdatePayload({ ...previous, constituencyId: 'E14001172' }, previous)).toMatchObject({
      constituencyId: 'E14001172',
    });
    expect(toUpdatePayload({ ...previous, constituencyId: 'E14001172' }, previous)).not.toHaveProperty('mpId');
    expect(toUpdatePayload({ ...previous, mpId: '99' }, previous)).toMatchObject({ mpId: 99 });
    expect(toUpdatePayload({ ...previous, mpId: null }, previous)).toMatchObject({ mpId: null });
  });

  it('never sends back a story it was not given', () => {
    expect(toUpdatePayload({ ...previous, summary: null }, { ...previous, summary: null })).not.toHaveProperty(
      'summary',
    );
  });
});
