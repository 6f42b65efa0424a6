import { scrubText } from '@campaign-desk/server-core';

export type SendOutcome =
  | { kind: 'sent'; response: string }
  | { kind: 'retry'; responseCode: number | null; error: string }
  | { kind: 'failed'; responseCode: number | null; error: string }
  | { kind: 'unknown'; error: string };

interface SmtpError {
  message?: string;
  code?: string;
  responseCode?: number;
}

/**
 * What a failed attempt means. A reply code is the server's word: 4xx is "try later", 5xx is
 * "never". Without one (a dropped connection, a timeout), what matters is whether the message's
 * end had left: before that, the server cannot have accepted it and trying again is safe; after
 * it, the server may have it, so the outcome is unknown and a person decides.
 */
export function classifySendError(error: unknown, handedOver: boolean): SendOutcome {
  const e = (error ?? {}) as SmtpError;
  const detail = scrubText(`${e.code ? `${e.code}: ` : ''}${e.message ?? String(error)}`).slice(0, 500);
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  if (code !== null && code >= 400 && code < 500) return { kind: 'retry', responseCode: code, error: detail };
  if (code !== null && code >= 500) return { kind: 'failed', responseCode: code, error: detail };
  if (!handedOver) return { kind: 'retry', responseCode: null, error: detail };
  return { kind: 'unknown', error: detail };
}

/** Delay before attempt n+1 after n temporary failures: base, 2×base, 4×base… capped at a day. */
export function retryDelayMs(attemptsSoFar: number, baseSeconds: number): number {
  return Math.min(baseSeconds * 1000 * 2 ** Math.max(0, attemptsSoFar - 1), 24 * 3_600_000);
}
