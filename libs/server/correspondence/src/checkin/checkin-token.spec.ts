import { createCheckinToken, verifyCheckinToken } from './checkin-token';

const secret = 'x'.repeat(40);
const id = '6f1c2b1e-8d7a-4c1b-9a51-0d6f0e3c2a11';
const now = new Date('2026-11-23T10:00:00Z');
const later = new Date('2026-12-21T10:00:00Z');

describe('check-in tokens', () => {
  it('round-trips the email id and expiry', () => {
    const token = createCheckinToken(secret, { scheduledEmailId: id, expiresAt: later });
    expect(verifyCheckinToken(secret, token, now)).toEqual({
      ok: true,
      claims: { scheduledEmailId: id, expiresAt: later },
    });
  });

  it('refuses a token signed with another secret', () => {
    const token = createCheckinToken('y'.repeat(40), { scheduledEmailId: id, expiresAt: later });
    expect(verifyCheckinToken(secret, token, now)).toEqual({ ok: false, problem: 'bad_signature' });
  });

  it('refuses an altered payload', () => {
    const token = createCheckinToken(secret, { scheduledEmailId: id, expiresAt: later });
    const [, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ e: id, x: 4_102_444_800 })).toString('base64url');
    expect(verifyCheckinToken(secret, `${forged}.${signature}`, now)).toEqual({ ok: false, problem: 'bad_signature' });
  });

  it('refuses an expired token', () => {
    const token = createCheckinToken(secret, { scheduledEmailId: id, expiresAt: now });
    expect(verifyCheckinToken(secret, token, now)).toEqual({ ok: false, problem: 'expired' });
  });

  it.each(['', 'abc', 'a.b.c', '<script>.x', 'x'.repeat(500) + '.y'])('refuses malformed token %j', (token) => {
    expect(verifyCheckinToken(secret, token, now)).toMatchObject({ ok: false, problem: 'malformed' });
  });

  it('refuses a well-signed payload that is not a check-in claim', () => {
    const payload = Buffer.from(JSON.stringify({ e: 'not-a-uuid', x: 4_102_444_800 })).toString('base64url');
    const { createHmac } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const signature = createHmac('sha256', secret).update(`checkin.v1.${payload}`).digest('base64url');
    expect(verifyCheckinToken(secret, `${payload}.${signature}`, now)).toEqual({ ok: false, problem: 'malformed' });
  });
});
