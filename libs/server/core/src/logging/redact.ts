/** Keys whose values are personal or health data and never reach a log line. */
export const REDACTED_KEYS = [
  'email',
  'name',
  'body',
  'text',
  'html',
  'subject',
  'password',
  'phone',
  'address',
  'postcode',
  'story',
  'summary',
  'notes',
  'from',
  'to',
  'cc',
  'authorization',
  'cookie',
  'set-cookie',
];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// A UK postcode in free text (outward + inward code).
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/gi;

/** Masks email addresses and postcodes inside a free-text string. */
export function scrubText(value: string): string {
  return value.replace(EMAIL, '[email]').replace(POSTCODE, '[postcode]');
}

/**
 * Paths that carry a secret: the public pages' links (`/api/public/checkin/<token>`) are bearer tokens, so
 * everything after the page's name is masked.
 */
const TOKEN_PATH = /^(\/api\/public\/[^/]+)\/.+$/i;

/** Masks a URL's token path segments and query values (search terms, postcodes) but keeps the route and parameter names. */
export function scrubUrl(url: string): string {
  const [rawPath, query] = url.split('?', 2);
  const path = rawPath.replace(TOKEN_PATH, '$1/[redacted]');
  if (!query) return path;
  const names = query.split('&').map((pair) => pair.split('=')[0]);
  return `${path}?${names.map((n) => `${n}=…`).join('&')}`;
}

// Literals an error message quotes ("…", '…') and the values of a key in a constraint's detail: `Key (email)=(…)`.
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g;
const KEY_VALUES = /\)=\((?:[^()]|\([^()]*\))*\)/g;

/**
 * An error message or stack fit for the log: Postgres and parsers quote the value they refused (`invalid input
 * syntax for type uuid: "<what the client sent>"`), so every quoted literal and key value is masked.
 */
export function scrubErrorText(value: string): string {
  return scrubText(value.replace(KEY_VALUES, ')=(…)').replace(QUOTED, '"…"'));
}

/** Deep copy of a log object with redacted keys masked and strings scrubbed. */
export function redactObject(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => redactObject(v, depth + 1));
  if (value instanceof Error)
    return {
      type: value.name,
      message: scrubErrorText(value.message),
      stack: value.stack && scrubErrorText(value.stack),
    };
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = REDACTED_KEYS.includes(key.toLowerCase()) ? '[redacted]' : redactObject(v, depth + 1);
  }
  return out;
}
