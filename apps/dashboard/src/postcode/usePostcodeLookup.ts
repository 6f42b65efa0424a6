import { useQuery } from '@tanstack/react-query';
import { HttpError } from 'react-admin';
import type { PostcodeLookupResult } from '@campaign-desk/contracts';
import { apiFetch } from '../providers/http';
import { useDebouncedValue } from '../shared/debounce/useDebouncedValue';

/** Why a postcode could not be looked up, in the API's words (`fields.postcode`). */
export interface PostcodeProblem {
  /** `format`, `not_found`, `outside_parliament`, `not_full`, `required`, or `unavailable` (directory not loaded / API down). */
  reason: string;
  detail: string;
}

export interface PostcodeLookupState {
  result: PostcodeLookupResult | null;
  problem: PostcodeProblem | null;
  /** A request is due or in flight for what was typed. */
  looking: boolean;
}

/** Shortest input the API can resolve: a one-letter, one-digit district such as `E1`. */
const MIN_LENGTH = 2;

export async function lookupPostcode(postcode: string): Promise<PostcodeLookupResult> {
  const { json } = await apiFetch(`/api/directory/lookup?postcode=${encodeURIComponent(postcode)}`);
  return json as PostcodeLookupResult;
}

export function toPostcodeProblem(error: unknown): PostcodeProblem {
  if (error instanceof HttpError && error.status === 400) {
    const body = (error.body ?? {}) as { reason?: string; fields?: Record<string, string> };
    return { reason: body.reason ?? 'format', detail: body.fields?.postcode ?? error.message };
  }
  const message = error instanceof Error && error.message ? error.message : 'The postcode lookup is unavailable';
  return { reason: 'unavailable', detail: message };
}

/**
 * Debounced `GET /api/directory/lookup` for what is being typed. Answers are cached by react-query
 * (react-admin's client), so going back to a postcode already seen shows its seat at once.
 */
export function usePostcodeLookup(postcode: string | null | undefined, delayMs = 300): PostcodeLookupState {
  const typed = (postcode ?? '').trim().toUpperCase().replace(/\s+/g, ' ');
  const settled = useDebouncedValue(typed, delayMs);
  const enabled = settled.length >= MIN_LENGTH;
  const query = useQuery({
    queryKey: ['directory', 'lookup', settled],
    queryFn: () => lookupPostcode(settled),
    enabled,
    retry: false,
    staleTime: 10 * 60_000,
  });
  if (typed.length < MIN_LENGTH) return { result: null, problem: null, looking: false };
  const looking = typed !== settled || (enabled && query.isFetching);
  return {
    result: query.data ?? null,
    problem: query.error ? toPostcodeProblem(query.error) : null,
    looking,
  };
}
