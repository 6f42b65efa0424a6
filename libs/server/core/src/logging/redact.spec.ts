import { redactObject, scrubText, scrubUrl } from './redact';

describe('log redaction', () => {
  it('masks emails and postcodes in free text', () => {
    expect(scrubText('from jane.doe+x@example.org about SW1A 1AA and wc1e6bt')).toBe(
      'from [email] about [postcode] and [postcode]',
    );
  });

  it('masks personal keys at any depth and scrubs strings', () => {
    const out = redactObject({
      user: { email: 'a@b.co', name: 'Jane', role: 'admin' },
      msg: 'sent to a@b.co',
      body: 'my story',
    });
    expect(out).toEqual({
      user: { email: '[redacted]', name: '[redacted]', role: 'admin' },
      msg: 'sent to [email]',
      body: '[redacted]',
    });
  });

  it('keeps parameter names but drops query values', () => {
    expect(scrubUrl('/api/directory/lookup?postcode=SW1A1AA&x=1')).toBe('/api/directory/lookup?postcode=…&x=…');
    expect(scrubUrl('/api/health')).toBe('/api/health');
  });
});
