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

/** Masks a URL's query values (search terms, postcodes) but keeps its path and parameter names. */
export function scrubUrl(url: string): string {
  const [path, query] = url.split('?', 2);
  if (!query) return path;
  const names = query.split('&').map((pair) => pair.split('=')[0]);
  return `${path}?${names.map((n) => `${n}=…`).join('&')}`;
}

/** Deep copy of a log object with redacted keys masked and strings scrubbed. */
export function redactObject(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => redactObject(v, depth + 1));
  if (value instanceof Error) return { type: value.name, message: scrubText(value.message), stack: value.stack };
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = REDACTED_KEYS.includes(key.toLowerCase()) ? '[redacted]' : redactObject(v, depth + 1);
  }
  return out;
}
