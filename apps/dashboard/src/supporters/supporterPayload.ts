import {
  CONSENT_KEYS,
  type CreateSupporterInput,
  type SupporterConsents,
  type UpdateSupporterInput,
} from '@campaign-desk/contracts';

type FormValues = Partial<CreateSupporterInput> & Record<string, unknown>;

/**
 * What the form sends: the editable fields only (the record also carries read-only ones such as the
 * resolved constituency). A reason only goes with the on-hold flag, so lifting the hold clears it.
 */
export function toSupporterPayload(values: FormValues): UpdateSupporterInput {
  const consents = Object.fromEntries(
    CONSENT_KEYS.map((key) => [key, values.consents?.[key] === true]),
  ) as SupporterConsents;
  const onHold = values.onHold === true;
  return {
    name: values.name,
    email: values.email,
    phone: values.phone || null,
    address: values.address || null,
    postcode: values.postcode,
    constituencyOverride: values.constituencyOverride || null,
    consents,
    onHold,
    onHoldReason: onHold ? values.onHoldReason || null : null,
  };
}

export function toCreatePayload(values: FormValues, createAnyway = false): CreateSupporterInput {
  const payload = toSupporterPayload(values) as CreateSupporterInput;
  return createAnyway ? { ...payload, createAnyway: true } : payload;
}
