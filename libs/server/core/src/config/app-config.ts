import { isIP } from 'node:net';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')}`,
  );

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
/** An IPv4 or IPv6 address with an optional prefix length (`10.0.0.0/8`, `fd00::/8`). */
function isAddressOrSubnet(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/**
 * Express's `trust proxy`: `true`/`false`, a number of hops, or a comma-separated list of addresses,
 * subnets and the names loopback, linklocal and uniquelocal.
 */
const trustProxy = z
  .string()
  .refine(
    (v) =>
      /^(true|false|\d{1,2})$/.test(v) ||
      v.split(',').every((part) => PROXY_NAMES.includes(part.trim()) || isAddressOrSubnet(part.trim())),
    `must be true, false, a number of hops, or a comma-separated list of addresses, subnets, ${PROXY_NAMES.join(', ')}`,
  )
  .transform((v): boolean | number | string[] => {
    if (v === 'true' || v === 'false') return v === 'true';
    if (/^\d+$/.test(v)) return Number(v);
    return v.split(',').map((part) => part.trim());
  });

/**
 * Every setting the processes read, with its default. `.env.example` documents the same list;
 * a unit test keeps the two in step.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(1, 65535).default(3000),
  PUBLIC_URL: url(['http:', 'https:']).default('http://localhost:3000'),
  /** The API and worker connect as a role that reads and writes rows only (see database-roles.ts). */
  DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://campaign_desk_app@127.0.0.1:5432/campaign_desk'),
  /** The owner role that runs migrations; unset, migrations run as DATABASE_URL. */
  MIGRATION_DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  DATABASE_POOL_SIZE: int(1, 200).default(10),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, - and _ only')
    .default('cd'),
  WORKER_CONCURRENCY: int(1, 100).default(4),
  SMTP_URL: url(['smtp:', 'smtps:']).default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('Campaign Desk <campaigns@campaign-desk.local>'),
  SESSION_IDLE_MINUTES: int(1, 24 * 60).default(30),
  SESSION_MAX_HOURS: int(1, 24 * 14).default(12),
  /** Unset: on in production, off elsewhere (see `resolveEnvironmentDefaults`). */
  COOKIE_SECURE: bool.optional(),
  /** Which proxies' `X-Forwarded-For` to believe (Express's `trust proxy`); unset: none, the socket address. */
  TRUST_PROXY: trustProxy.optional(),
  LOGIN_RATE_LIMIT_PER_MINUTE: int(1, 10_000).default(10),
  /** After this many failed sign-ins in a row for one account, each further failure locks it for longer. */
  LOGIN_BACKOFF_AFTER_FAILURES: int(1, 1_000).default(3),
  LOGIN_BACKOFF_BASE_SECONDS: int(1, 3_600).default(5),
  LOGIN_BACKOFF_MAX_SECONDS: int(1, 24 * 3_600).default(900),
  /** `/api/docs` without signing in. Unset: open in development and tests, behind sign-in in production. */
  API_DOCS_PUBLIC: bool.optional(),
  HTTP_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'like 1mb or 500kb')
    .default('1mb'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DASHBOARD_DIR: z.string().default('dist/dashboard'),
  SHARED_DATA_DIR: z.string().default('../shared/data'),
  /** Optional postcodes.io base URL for Northern Ireland postcodes, which have no offline lookup. */
  POSTCODES_IO_URL: url(['http:', 'https:']).optional(),
  /** Email intake (issue 4). The inbound webhook is refused (401) while INBOUND_TOKEN is unset. */
  INBOUND_TOKEN: z.string().min(24, 'at least 24 characters').optional(),
  IMAP_URL: url(['imap:', 'imaps:']).optional(),
  IMAP_FOLDER: z.string().min(1).default('INBOX'),
  IMAP_POLL_SECONDS: int(5, 24 * 3600).default(60),
  /** Also hold an IDLE connection and poll as soon as the server announces new mail. */
  IMAP_IDLE: bool.default(true),
  INTAKE_MAX_MESSAGE_BYTES: int(1024, 200 * 1024 * 1024).default(25 * 1024 * 1024),
  INTAKE_MAX_HEADER_BYTES: int(1024, 10 * 1024 * 1024).default(100 * 1024),
  INTAKE_MAX_PARTS: int(1, 10_000).default(250),
  INTAKE_PARSE_TIMEOUT_MS: int(100, 300_000).default(15_000),
  INTAKE_PARSE_MEMORY_MB: int(32, 4096).default(256),
  INTAKE_PARSE_THREADS: int(1, 32).default(2),
  /** Cases (issue 5): SLA working days (Europe/London, the supporter's nation's bank holidays) and auto-assignment. */
  SLA_FIRST_RESPONSE_WORKING_DAYS: int(0, 60).default(2),
  SLA_NEXT_UPDATE_WORKING_DAYS: int(1, 120).default(10),
  AUTO_ASSIGN: bool.default(false),
  AUTO_ASSIGN_MAX_OPEN: int(1, 10_000).default(25),
  /** Audit (issue 12): one account reading more records than this within the window raises an alert. */
  AUDIT_READ_ALERT_RECORDS: int(1, 1_000_000).default(2000),
  AUDIT_READ_ALERT_MINUTES: int(1, 24 * 60).default(10),
  /** Outbound email (issue 6). Message-IDs are `<se-<id>@MAIL_DOMAIN>`; replies come back to TEAM_MAILBOX. */
  MAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, 'a domain name like example.org')
    .default('campaign-desk.local'),
  TEAM_MAILBOX: z.string().email('an email address').default('campaigns@campaign-desk.local'),
  SEND_RATE_PER_MINUTE: int(1, 1_000_000).default(600),
  SEND_CONCURRENCY: int(1, 100).default(4),
  SMTP_POOL_CONNECTIONS: int(1, 100).default(5),
  SMTP_TIMEOUT_MS: int(1_000, 120_000).default(20_000),
  SEND_MAX_ATTEMPTS: int(1, 50).default(8),
  SEND_RETRY_BASE_SECONDS: int(1, 24 * 3600).default(60),
  OFFICE_HOURS_START: int(0, 23).default(9),
  OFFICE_HOURS_END: int(1, 24).default(17),
  CHECKIN_LINK_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  CHECKIN_LINK_DAYS: int(1, 365).default(28),
  CHASE_CHECKIN_DAYS: int(1, 365).default(14),
  CHASE_REMINDER_DAYS: int(1, 365).default(7),
  CHASE_MP_DAYS: z
    .string()
    .regex(/^\d{1,3}(,\d{1,3})*$/, 'days as a comma-separated list, like 21,35')
    .default('21,35')
    .transform((v) => v.split(',').map(Number)),
  CHASE_PHONE_TASK_DAYS: int(1, 365).default(42),
});

type SchemaValues = z.infer<typeof configSchema>;
/** The validated settings, with the environment-dependent defaults filled in. */
export type ConfigValues = Omit<SchemaValues, 'COOKIE_SECURE' | 'API_DOCS_PUBLIC' | 'TRUST_PROXY'> & {
  COOKIE_SECURE: boolean;
  API_DOCS_PUBLIC: boolean;
  TRUST_PROXY: boolean | number | string[];
};

/**
 * Settings that fall back to a development value elsewhere but must be set in production, and why.
 * A production process missing one stops at boot with one line naming it.
 */
export const REQUIRED_IN_PRODUCTION = {
  CHECKIN_LINK_SECRET: "it signs the supporters' one-click check-in links (at least 32 characters)",
  INBOUND_TOKEN: 'it guards the inbound email webhook (a long random string, e.g. openssl rand -hex 24)',
} as const satisfies Partial<Record<keyof ConfigValues, string>>;

/** The inbound token `npm start` sets for the demo, and the placeholder `.env.example` shows: published, so refused in production. */
export const PUBLISHED_INBOUND_TOKENS = ['demo-inbound-token-not-for-production', 'change-me-to-a-long-random-string'];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1 ? problems[0] : `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

/** What production refuses that development allows: missing secrets, published tokens, plain HTTP. */
function productionProblems(values: SchemaValues, input: Record<string, string>): string[] {
  const problems = Object.entries(REQUIRED_IN_PRODUCTION)
    .filter(([key]) => input[key] === undefined)
    .map(([key, why]) => `${key} must be set in production: ${why}`);
  if (values.INBOUND_TOKEN && PUBLISHED_INBOUND_TOKENS.includes(values.INBOUND_TOKEN))
    problems.push('INBOUND_TOKEN is a published demo value: set a long random one in production');
  if (new URL(values.PUBLIC_URL).protocol !== 'https:')
    problems.push(
      `PUBLIC_URL must be an https:// URL in production (it is ${input.PUBLIC_URL ? 'set to' : 'unset, so'} ${values.PUBLIC_URL}): links in sent mail and the allowed origin come from it`,
    );
  if (values.COOKIE_SECURE === false)
    problems.push('COOKIE_SECURE must not be false in production: the session cookie is only sent over HTTPS');
  return problems;
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ConfigValues {
  const input: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const production = parsed.data.NODE_ENV === 'production';
  if (production) {
    const problems = productionProblems(parsed.data, input);
    if (problems.length) throw new ConfigError(problems);
  }
  return {
    ...parsed.data,
    COOKIE_SECURE: parsed.data.COOKIE_SECURE ?? production,
    API_DOCS_PUBLIC: parsed.data.API_DOCS_PUBLIC ?? !production,
    TRUST_PROXY: parsed.data.TRUST_PROXY ?? false,
  };
}

/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type */
/** Injection token and type of the validated configuration (a class, so Nest can inject it by type). */
export class AppConfig {
  constructor(values: ConfigValues) {
    Object.assign(this, values);
    Object.freeze(this);
  }
}
// Declaration merging gives the class the typed fields it was built from.
export interface AppConfig extends ConfigValues {}
/* eslint-enable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type */
