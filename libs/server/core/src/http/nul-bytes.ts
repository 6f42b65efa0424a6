/** Postgres cannot store a NUL byte in text or jsonb: input holding one is refused before it reaches SQL. */
export const NUL_BYTE_MESSAGE = 'must not contain NUL bytes (\\u0000)';

const isPlainObject = (value: object) => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * The path (`name`, `consents.media`, `agreedActions.0.description`) of the first string or key holding a NUL byte
 * in a parsed JSON value, `prefix` itself for a bare string, or undefined when there is none. Buffers and other
 * class instances (raw uploads) are not looked into.
 */
export function findNulByte(value: unknown, prefix = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? prefix : undefined;
  if (!value || typeof value !== 'object' || !(Array.isArray(value) || isPlainObject(value))) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (key.includes('\u0000')) return path;
    const found = findNulByte(child, path);
    if (found !== undefined) return found;
  }
  return undefined;
}
