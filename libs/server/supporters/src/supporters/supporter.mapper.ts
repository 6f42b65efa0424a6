import {
  CONSENT_KEYS,
  type ConsentChange,
  type ConsentKey,
  type SupporterConsents,
  type SupporterDto,
  type SupporterSummaryDto,
} from '@campaign-desk/contracts';
import type { DirectoryService } from '@campaign-desk/server-directory';
import { CONSENT_COLUMNS, type SupporterEntity } from './supporter.entity';

/** Viewers' view: where the supporter is, nothing to identify or contact them by (see SupportersController). */
export function toSupporterSummary(s: SupporterEntity, directory: DirectoryService): SupporterSummaryDto {
  const seat = s.constituencyGss ? directory.constituency(s.constituencyGss) : null;
  return {
    id: s.id,
    name: null,
    constituencyId: s.constituencyGss,
    constituency: seat?.summary ?? null,
    mp: seat?.mp ?? null,
    onHold: s.onHold,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function toSupporterDto(s: SupporterEntity, directory: DirectoryService): SupporterDto {
  const consents = {} as SupporterConsents;
  const consentChanges = {} as Record<ConsentKey, ConsentChange>;
  for (const key of CONSENT_KEYS) {
    const c = CONSENT_COLUMNS[key];
    consents[key] = s[c.value];
    consentChanges[key] = { at: s[c.at]?.toISOString() ?? null, byId: s[c.by] };
  }
  return {
    ...toSupporterSummary(s, directory),
    name: s.name,
    email: s.email,
    phone: s.phone,
    address: s.address,
    postcode: s.postcode,
    constituencyMethod: s.constituencyMethod,
    constituencyOverride: s.constituencyOverridden ? s.constituencyGss : null,
    constituencyCandidates:
      s.constituencyCandidates.length > 1
        ? s.constituencyCandidates.map((c) => ({
            constituencyId: c.gss,
            name: directory.constituency(c.gss)?.summary.name ?? c.gss,
            share: c.share,
          }))
        : [],
    consents,
    consentChanges,
    onHoldReason: s.onHoldReason,
    deletedAt: s.deletedAt?.toISOString() ?? null,
    mergedIntoId: s.mergedIntoId,
  };
}
