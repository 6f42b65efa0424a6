import { isReservedEmailAddress, isReservedEmailDomain, reservedStandIn } from './reserved-addresses';

describe('reserved email addresses', () => {
  it.each([
    'ann@example.org',
    'ann@mail.example.com',
    'x@example.net',
    'diane.abbott.mp@parliament.uk.invalid',
    'a@b.test',
    'admin@campaign-desk.local',
    'a@EXAMPLE.ORG',
  ])('%s is reserved', (address) => expect(isReservedEmailAddress(address)).toBe(true));

  it.each([
    'someone@parliament.uk',
    'a@gmail.com',
    'a@notexample.org',
    'a@example.org.uk',
    'no-at-sign',
    '@example.org',
  ])('%s is not', (address) => expect(isReservedEmailAddress(address)).toBe(false));

  it('makes a stand-in for a real address and keeps a reserved one', () => {
    expect(reservedStandIn('diane.abbott.mp@parliament.uk')).toBe('diane.abbott.mp@parliament.uk.invalid');
    expect(reservedStandIn('ann@example.org')).toBe('ann@example.org');
    expect(isReservedEmailDomain(reservedStandIn('x@senedd.wales').split('@')[1])).toBe(true);
  });
});
