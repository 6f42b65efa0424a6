import { CONSENT_KEYS, type ConsentKey, type SupporterFilterField } from '@campaign-desk/contracts';

export const CONSENT_LABELS: Record<ConsentKey, string> = {
  contactByEmail: 'Contact by email',
  shareWithMp: 'Share their story with the MP',
  shareWithTrust: 'Share with the hospital trust',
  media: 'Media',
};

/** `contactByEmail` → the list filter `consentContactByEmail`. */
export function consentFilterField(key: ConsentKey): SupporterFilterField {
  return `consent${key[0].toUpperCase()}${key.slice(1)}` as SupporterFilterField;
}

export const CONSENTS = CONSENT_KEYS.map((key) => ({
  key,
  label: CONSENT_LABELS[key],
  filter: consentFilterField(key),
}));
