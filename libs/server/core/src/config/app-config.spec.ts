import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, configSchema, loadConfig, PUBLISHED_INBOUND_TOKENS, REQUIRED_IN_PRODUCTION } from './app-config';

describe('loadConfig', () => {
  it('works with no environment at all', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://campaign_desk_app@127.0.0.1:5432/campaign_desk');
    expect(config.COOKIE_SECURE).toBe(false);
  });

  it('coerces and validates values', () => {
    const config = loadConfig({ PORT: '8080', COOKIE_SECURE: 'true', SESSION_IDLE_MINUTES: '5' });
    expect(config).toMatchObject({ PORT: 8080, COOKIE_SECURE: true, SESSION_IDLE_MINUTES: 5 });
  });

  it('names every offending variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_URL: 'nope', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'LOG_LEVEL']) expect(message).toContain(name);
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  describe('in production', () => {
    const production = {
      NODE_ENV: 'production',
      CHECKIN_LINK_SECRET: 'x'.repeat(32),
      INBOUND_TOKEN: 'y'.repeat(32),
      PUBLIC_URL: 'https://desk.example.org',
    };
    const without = (key: keyof typeof production) => ({ ...production, [key]: undefined });

    it('starts with the secrets and an https PUBLIC_URL, with a Secure cookie, HSTS and the docs behind sign-in', () => {
      expect(loadConfig(production)).toMatchObject({
        CHECKIN_LINK_SECRET: production.CHECKIN_LINK_SECRET,
        COOKIE_SECURE: true,
        API_DOCS_PUBLIC: false,
      });
      expect(loadConfig({ ...production, API_DOCS_PUBLIC: 'true' }).API_DOCS_PUBLIC).toBe(true);
    });

    it('refuses a missing secret in one line naming the variable', () => {
      expect(() => loadConfig(without('CHECKIN_LINK_SECRET'))).toThrow(
        new ConfigError([
          `CHECKIN_LINK_SECRET must be set in production: ${REQUIRED_IN_PRODUCTION.CHECKIN_LINK_SECRET}`,
        ]),
      );
      expect(() => loadConfig(without('INBOUND_TOKEN'))).toThrow(/^INBOUND_TOKEN must be set in production: [^\n]+$/);
    });

    it('refuses the published demo inbound token', () => {
      for (const token of PUBLISHED_INBOUND_TOKENS)
        expect(() => loadConfig({ ...production, INBOUND_TOKEN: token })).toThrow(
          /^INBOUND_TOKEN is a published demo value[^\n]+$/,
        );
    });

    it('refuses a plain-HTTP or missing PUBLIC_URL, and COOKIE_SECURE=false', () => {
      expect(() => loadConfig({ ...production, PUBLIC_URL: 'http://desk.example.org' })).toThrow(
        /^PUBLIC_URL must be an https:\/\/ URL in production [^\n]+$/,
      );
      expect(() => loadConfig(without('PUBLIC_URL'))).toThrow(/^PUBLIC_URL must be an https:\/\/ URL in production/);
      expect(() => loadConfig({ ...production, COOKIE_SECURE: 'false' })).toThrow(/^COOKIE_SECURE must not be false/);
    });

    it('lists every problem at once', () => {
      expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
        /CHECKIN_LINK_SECRET[\s\S]*INBOUND_TOKEN[\s\S]*PUBLIC_URL/,
      );
    });
  });

  it('keeps the development defaults: plain cookie, open docs, demo token allowed, no trusted proxy', () => {
    const config = loadConfig({ INBOUND_TOKEN: PUBLISHED_INBOUND_TOKENS[0] });
    expect(config).toMatchObject({ COOKIE_SECURE: false, API_DOCS_PUBLIC: true, TRUST_PROXY: false });
    expect(loadConfig({ NODE_ENV: 'test' }).API_DOCS_PUBLIC).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).CHECKIN_LINK_SECRET).toBeUndefined();
  });

  it("reads TRUST_PROXY with Express's meanings and names it when invalid", () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::1' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
      '2001:db8::1',
    ]);
    for (const bad of ['proxy.example.org', '10.0.0.0/33', '1.2.3', 'loopback,', '-1'])
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/^TRUST_PROXY: must be true, false, a number of hops/);
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(join(__dirname, '../../../../../.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const missing = Object.keys(configSchema.shape).filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
  });
});
