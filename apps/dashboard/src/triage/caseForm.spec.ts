import type { MessageDetail, MessageSuggestions } from '@campaign-desk/contracts';
import { initialCaseForm, toCasePayload, toSupporterPayload } from './caseForm';

const message = {
  id: 'm1',
  fromName: 'Priya Shah',
  fromAddress: 'priya@example.org',
  text: '  My dad is terminal.  ',
} as MessageDetail;
const base: MessageSuggestions = {
  supporter: { match: 'new', name: 'Priya Shah', email: 'priya@example.org' },
  postcodes: [
    {
      postcode: 'ZZ1 1ZZ',
      found: false,
      method: null,
      ambiguous: false,
      constituency: null,
      mp: null,
      problem: 'not found',
    },
    {
      postcode: 'WC1E 6BT',
      found: true,
      method: 'exact',
      ambiguous: false,
      constituency: null,
      mp: null,
      problem: null,
    },
  ],
  topics: ['treatment_waiting_time'],
  priority: 'urgent',
  matchedRules: [],
  trusts: ['University College London Hospitals NHS Foundation Trust'],
  claimedCase: null,
};

describe('initialCaseForm', () => {
  it('pre-fills a new supporter from the sender and the first postcode that resolved', () => {
    expect(initialCaseForm(message, base)).toEqual({
      useExisting: false,
      existingSupporterId: null,
      newSupporter: { name: 'Priya Shah', email: 'priya@example.org', postcode: 'WC1E 6BT' },
      topics: ['treatment_waiting_time'],
      priority: 'urgent',
      trust: 'University College London Hospitals NHS Foundation Trust',
      summary: 'My dad is terminal.',
    });
  });

  it('uses the matched supporter when there is one, and copes with no postcode, trust or text', () => {
    const form = initialCaseForm(
      { ...message, text: null },
      {
        ...base,
        supporter: { match: 'existing', supporterId: 's1', name: 'Priya', email: 'priya@example.org' },
        postcodes: [],
        trusts: [],
      },
    );
    expect(form).toMatchObject({ useExisting: true, existingSupporterId: 's1', trust: '', summary: '' });
    expect(form.newSupporter.postcode).toBe('');
  });
});

describe('payloads', () => {
  it('sends the case with its message and leaves out blank optional text', () => {
    const form = { ...initialCaseForm(message, base), trust: '  ', summary: '' };
    expect(toCasePayload(form, 's1', 'm1')).toEqual({
      supporterId: 's1',
      topics: ['treatment_waiting_time'],
      priority: 'urgent',
      messageId: 'm1',
    });
    expect(toCasePayload(initialCaseForm(message, base), 's1', 'm1')).toMatchObject({
      trust: expect.any(String),
      summary: 'My dad is terminal.',
    });
  });

  it('trims the new supporter fields', () => {
    const form = initialCaseForm(message, base);
    form.newSupporter = { name: ' A ', email: ' a@b.org ', postcode: ' WC1E 6BT ' };
    expect(toSupporterPayload(form)).toEqual({ name: 'A', email: 'a@b.org', postcode: 'WC1E 6BT' });
  });
});
