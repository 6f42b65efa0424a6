import { redactObject, scrubErrorText, scrubText, scrubUrl } from './redact';

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

  it('masks the literals an error message quotes and the values of a key', () => {
    expect(scrubErrorText('invalid input syntax for type uuid: "MARKER-1"')).toBe(
      'invalid input syntax for type uuid: "…"',
    );
    expect(scrubErrorText(`Key (lower(email))=(a@b.co) already exists; got 'x\\'y'`)).toBe(
      'Key (lower(email))=(…) already exists; got "…"',
    );
  });

  it('masks the token of a check-in link (or any public page) in the path', () => {
    expect(scrubUrl('/api/public/checkin/abc.def-123?answer=yes')).toBe('/api/public/checkin/[redacted]?answer=…');
    expect(scrubUrl('/api/public/checkin/abc/def')).toBe('/api/public/checkin/[redacted]');
    expect(scrubUrl('/API/Public/checkin/abc')).toBe('/API/Public/checkin/[redacted]');
    expect(scrubUrl('/api/cases/3f1c')).toBe('/api/cases/3f1c');
  });
});
