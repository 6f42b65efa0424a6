import { isUkPhone, normaliseEmail, normaliseUkPhone, tidyName } from './supporter-fields';

describe('supporter fields', () => {
  it('normalises emails for duplicate detection', () => {
    expect(normaliseEmail(' Jo.Bloggs+cancer@GoogleMail.com ')).toBe('jobloggs@gmail.com');
    expect(normaliseEmail('A.B+x@Example.org')).toBe('a.b@example.org');
    expect(normaliseEmail('+tag@example.org')).toBe('+tag@example.org');
  });

  it.each([
    '020 7946 0123',
    '+44 20 7946 0123',
    '+44 (0)20 7946 0123',
    '0161 496 0123',
    '07400 123456',
    '0044 7400 123456',
    '07911 123456',
  ])('accepts the UK number %s', (phone) => expect(isUkPhone(phone)).toBe(true));

  it.each([
    '12345',
    '+33 1 23 45 67 89',
    '020 7946 012',
    'abc',
    '07700 900123',
    '',
    '+1 202 555 0142',
    '020 7946 0123 ext 4',
  ])('rejects %p', (phone) => expect(isUkPhone(phone)).toBe(false));

  it('stores E.164', () => {
    expect(normaliseUkPhone('020 7946 0123')).toBe('+442079460123');
    expect(normaliseUkPhone('+44 (0)20 7946 0123')).toBe('+442079460123');
    expect(normaliseUkPhone('0044 7400 123456')).toBe('+447400123456');
  });

  it('tidies names without changing their spelling', () => {
    expect(tidyName('  Siân   ap  Rhys ')).toBe('Siân ap Rhys');
  });
});
