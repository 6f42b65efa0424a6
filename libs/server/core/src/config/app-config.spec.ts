import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, configSchema, loadConfig, REQUIRED_IN_PRODUCTION } from './app-config';

describe('loadConfig', () => {
  it('works with no environment at all', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/campaign_desk');
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

  it('requires the production secrets in production, in one line naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      new ConfigError([`CHECKIN_LINK_SECRET must be set in production: ${REQUIRED_IN_PRODUCTION.CHECKIN_LINK_SECRET}`]),
    );
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /^CHECKIN_LINK_SECRET must be set in production: [^\n]+$/,
    );
    const secret = 'x'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', CHECKIN_LINK_SECRET: secret }).CHECKIN_LINK_SECRET).toBe(secret);
    expect(loadConfig({ NODE_ENV: 'development' }).CHECKIN_LINK_SECRET).toBeUndefined();
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
