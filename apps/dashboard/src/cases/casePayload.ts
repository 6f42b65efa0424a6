import type { CreateCaseInput, UpdateCaseInput } from '@campaign-desk/contracts';

type FormValues = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** `POST /api/cases` from the create form: empty texts become null. */
export function toCreatePayload(values: FormValues): CreateCaseInput {
  return {
    supporterId: String(values.supporterId ?? ''),
    topics: (values.topics as CreateCaseInput['topics']) ?? [],
    priority: values.priority as CreateCaseInput['priority'],
    summary: text(values.summary),
    trust: text(values.trust),
  };
}

/**
 * `PUT /api/cases/:id` from the edit form. The constituency and MP are sent only when changed: a new
 * constituency alone lets the server pick its current MP instead of keeping the old one.
 */
export function toUpdatePayload(values: FormValues, previous: FormValues): UpdateCaseInput {
  const payload: UpdateCaseInput = {
    topics: values.topics as UpdateCaseInput['topics'],
    priority: values.priority as UpdateCaseInput['priority'],
    trust: text(values.trust),
  };
  // Viewers never edit; a null story from a redacted record is never sent back as an erasure.
  if (previous.summary !== null && previous.summary !== undefined) payload.summary = text(values.summary);
  if ((values.constituencyId ?? null) !== (previous.constituencyId ?? null))
    payload.constituencyId = (values.constituencyId as string | null) ?? null;
  if ((values.mpId ?? null) !== (previous.mpId ?? null))
    payload.mpId = values.mpId === null || values.mpId === undefined || values.mpId === '' ? null : Number(values.mpId);
  return payload;
}
