import { enumChoices } from '../shared/i18n/enumLabels';

/** Role choices for selects; names are i18n keys. */
export const roleChoices = enumChoices('staffRole');

/** Mirrors the API's minimum (libs/server/auth password.ts); the API stays the authority and names the field if it differs. */
export const PASSWORD_MIN_LENGTH = 10;
