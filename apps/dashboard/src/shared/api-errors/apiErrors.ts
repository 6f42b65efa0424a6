import { HttpError } from 'react-admin';

export type FieldErrors = Record<string, string>;

/** The API's `{fields}` (apiFetch passes them on as `body.errors`), keyed by field name. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const errors =
    error instanceof HttpError ? (error.body as { errors?: Record<string, unknown> } | undefined)?.errors : undefined;
  return Object.fromEntries(
    Object.entries(errors ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/** The API's message (apiFetch puts it on the error), or what went wrong in the browser. */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
