import { isPhoneNumber } from 'class-validator';

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The form duplicate detection compares: lower case, no `+tag` sub-address, and for Gmail no dots
 * in the local part (Gmail ignores them), so `Jo.Bloggs+cancer@googlemail.com` matches `jobloggs@gmail.com`.
 */
export function normaliseEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at < 1) return trimmed;
  let local = trimmed.slice(0, at).split('+')[0];
  let domain = trimmed.slice(at + 1);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replace(/\./g, '');
    domain = 'gmail.com';
  }
  return `${local || trimmed.slice(0, at)}@${domain}`;
}

// +44 numbers: the UK, and the Channel Islands and Isle of Man ranges UK residents' mobiles can fall in.
const PLUS_44_REGIONS = ['GB', 'GG', 'JE', 'IM'] as const;

/**
 * A UK number in national (`020 7946 0000`) or international (`+44 20 7946 0000`, `0044…`) form,
 * checked against the numbering plan by libphonenumber (through class-validator).
 */
export function isUkPhone(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  if (!/^(\+|00)?[0-9 ()-]{9,20}$/.test(trimmed)) return false;
  const international = trimmed.replace(/^00/, '+');
  if (international.startsWith('+') && !international.startsWith('+44')) return false;
  return PLUS_44_REGIONS.some((region) => isPhoneNumber(international, region));
}

/** E.164, e.g. `+442079460000`. Call only on a number isUkPhone accepted. */
export function normaliseUkPhone(value: string): string {
  const digits = value
    .trim()
    .replace(/^00/, '+')
    .replace(/[^0-9+]/g, '');
  if (digits.startsWith('+44')) return `+44${digits.slice(3).replace(/^0/, '')}`;
  return `+44${digits.replace(/^0/, '')}`;
}

/** Collapses runs of spaces in a person's name; keeps their spelling and case. */
export function tidyName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** Trims; empty becomes null. */
export function optionalText(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
