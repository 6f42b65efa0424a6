import { crossSiteRefusal } from './request-origin';

describe('crossSiteRefusal', () => {
  const PUBLIC = 'https://desk.example.org';
  const allowed = (headers: Parameters<typeof crossSiteRefusal>[0]) => crossSiteRefusal(headers, PUBLIC) === undefined;

  it("allows PUBLIC_URL's origin, the request's own Host, and requests without browser headers", () => {
    expect(allowed({ origin: PUBLIC, host: 'internal:3000' })).toBe(true);
    expect(allowed({ origin: 'http://localhost:3000', host: 'LOCALHOST:3000' })).toBe(true);
    expect(allowed({ host: 'localhost:3000' })).toBe(true);
    expect(allowed({ 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(allowed({ 'sec-fetch-site': 'none' })).toBe(true);
    // A form posted from a no-referrer page: Chromium sends Origin: null with Sec-Fetch-Site: same-origin.
    expect(allowed({ origin: 'null', 'sec-fetch-site': 'same-origin', host: 'localhost:3000' })).toBe(true);
  });

  it('refuses another origin (another port of the same host too), null, and cross-site fetch metadata', () => {
    expect(allowed({ origin: 'http://localhost:8080', host: 'localhost:3000' })).toBe(false);
    expect(allowed({ origin: 'https://desk.example.org.evil.test', host: 'localhost:3000' })).toBe(false);
    expect(allowed({ origin: 'null', host: 'localhost:3000' })).toBe(false);
    expect(allowed({ origin: 'null', 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(allowed({ origin: 'http://localhost:8080', 'sec-fetch-site': 'same-origin', host: 'localhost:3000' })).toBe(
      false,
    );
    expect(allowed({ 'sec-fetch-site': 'same-site', host: 'localhost:3000' })).toBe(false);
    expect(allowed({ 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(crossSiteRefusal({ origin: 'http://evil.test' }, PUBLIC)).toMatch(/^Cross-site request refused/);
  });
});
