import { bearerMatches } from './inbound-token';

const TOKEN = 'a-very-long-inbound-token-1234567890';

describe('bearerMatches', () => {
  it('accepts the right bearer token', () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`bearer   ${TOKEN} `, TOKEN)).toBe(true);
  });

  it.each([
    undefined,
    '',
    'Bearer',
    `Basic ${TOKEN}`,
    `Bearer ${TOKEN}x`,
    `Bearer ${TOKEN.slice(1)}`,
    `${TOKEN}`,
    `Bearer ${TOKEN} extra`,
  ])('refuses %p', (header) => {
    expect(bearerMatches(header, TOKEN)).toBe(false);
  });

  it('refuses everything when no token is configured', () => {
    expect(bearerMatches('Bearer ', undefined)).toBe(false);
    expect(bearerMatches('Bearer anything', '')).toBe(false);
  });
});
