import { CONSENT_KEYS, type ConsentKey, type SupporterFilterField } from '@campaign-desk/contracts';
import { enumLabelKey } from '../shared/i18n/enumLabels';

/** `contactByEmail` → the list filter `consentContactByEmail`. */
export function consentFilterField(key: ConsentKey): SupporterFilterField {
  return `consent${key[0].toUpperCase()}${key.slice(1)}` as SupporterFilterField;
}

export const CONSENTS = CONSENT_KEYS.map((key) => ({
  key,
  /** The i18n key of its label. */
  label: enumLabelKey('consent', key),
  filter: consentFilterField(key),
}));
