import { fetchUtils, HttpError } from 'react-admin';
import type { ApiErrorBody } from '@campaign-desk/contracts';

/**
 * fetchJson with the session cookie, turning the API's `{message, fields}` error body into the
 * `body.errors` shape react-admin forms read, so a server-side field error shows under its input.
 */
export async function apiFetch(url: string, options: fetchUtils.Options = {}): ReturnType<typeof fetchUtils.fetchJson> {
  const headers = new Headers(options.headers ?? {});
  headers.set('Accept', 'application/json');
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers, credentials: 'same-origin' });
  } catch (error) {
    throw toHttpError(error);
  }
}

export function toHttpError(error: unknown): unknown {
  if (!(error instanceof HttpError)) return error;
  const body = (error.body ?? {}) as Partial<ApiErrorBody>;
  const message = typeof body.message === 'string' && body.message ? body.message : error.message;
  const fields = body.fields && Object.keys(body.fields).length ? body.fields : undefined;
  return new HttpError(
    message,
    error.status,
    fields ? { ...body, errors: { ...fields, root: { serverError: message } } } : body,
  );
}
