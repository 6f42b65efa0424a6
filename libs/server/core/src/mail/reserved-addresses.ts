/**
 * Domains that can never reach a real person: RFC 2606 / RFC 6761 (`example.org`, `example.com`,
 * `example.net` and their subdomains, the `.example`, `.invalid`, `.test` and `.localhost` TLDs) and
 * mDNS's `.local` (RFC 6762), which the demo's staff sign-ins and team mailbox use.
 */
const RESERVED_TLDS = ['example', 'invalid', 'test', 'localhost', 'local'];
const RESERVED_DOMAINS = ['example.org', 'example.com', 'example.net'];

export function isReservedEmailDomain(domain: string): boolean {
  const d = domain.trim().toLowerCase().replace(/\.$/, '');
  if (!d) return false;
  const tld = d.slice(d.lastIndexOf('.') + 1);
  return RESERVED_TLDS.includes(tld) || RESERVED_DOMAINS.some((r) => d === r || d.endsWith(`.${r}`));
}

/** True for an address at a reserved domain (see above); false for anything else, malformed included. */
export function isReservedEmailAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  return at > 0 && isReservedEmailDomain(address.slice(at + 1));
}

/** The demo's stand-in for a real address: the same mailbox name at the domain with `.invalid` added. */
export function reservedStandIn(address: string): string {
  return isReservedEmailAddress(address) ? address : `${address.replace(/\.$/, '')}.invalid`;
}
