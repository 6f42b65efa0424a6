import { STAFF_ROLES } from '@campaign-desk/contracts';

/** Role choices for selects; names are i18n keys. */
export const roleChoices = STAFF_ROLES.map((id) => ({ id, name: `cd.roles.${id}` }));

/** Mirrors the API's minimum (libs/server/auth password.ts); the API stays the authority and names the field if it differs. */
export const PASSWORD_MIN_LENGTH = 10;
