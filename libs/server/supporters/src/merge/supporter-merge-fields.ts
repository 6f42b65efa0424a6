import { CONSENT_KEYS } from '@campaign-desk/contracts';
import { CONSENT_COLUMNS, type SupporterEntity } from '../supporters/supporter.entity';

const longer = (a: string | null, b: string | null) => ((b?.length ?? 0) > (a?.length ?? 0) ? b : a);

/**
 * What the surviving record takes from the one merged into it: the fuller name and address, any
 * phone or postcode it lacks, the most recently recorded decision for each consent, and on-hold
 * if either was on hold. Its own email stays; the merged record keeps its email, and lookups by
 * that email follow the merge. Returns the changes and the names of the fields taken.
 */
export function richerFields(
  target: SupporterEntity,
  source: SupporterEntity,
): { changes: Partial<SupporterEntity>; taken: string[] } {
  const changes: Partial<SupporterEntity> = {};
  const name = longer(target.name, source.name)!;
  if (name !== target.name) changes.name = name;
  const address = longer(target.address, source.address);
  if (address !== target.address) changes.address = address;
  if (!target.phone && source.phone) changes.phone = source.phone;
  if (!target.postcode && source.postcode) {
    Object.assign(changes, {
      postcode: source.postcode,
      constituencyGss: source.constituencyGss,
      constituencyMethod: source.constituencyMethod,
      constituencyOverridden: source.constituencyOverridden,
      constituencyCandidates: source.constituencyCandidates,
    });
  }
  for (const key of CONSENT_KEYS) {
    const c = CONSENT_COLUMNS[key];
    const sourceAt = source[c.at];
    const targetAt = target[c.at];
    if (sourceAt && (!targetAt || sourceAt > targetAt)) {
      Object.assign(changes, { [c.value]: source[c.value], [c.at]: sourceAt, [c.by]: source[c.by] });
    }
  }
  if (source.onHold) {
    changes.onHold = true;
    const reasons = [target.onHold ? target.onHoldReason : null, source.onHoldReason].filter((r): r is string =>
      Boolean(r),
    );
    changes.onHoldReason = [...new Set(reasons)].join('; ') || null;
    if (target.onHold && changes.onHoldReason === target.onHoldReason) delete changes.onHoldReason;
    if (target.onHold) delete changes.onHold;
  }
  const taken = Object.keys(changes).filter(
    (k) =>
      !['constituencyGss', 'constituencyMethod', 'constituencyOverridden', 'constituencyCandidates'].includes(k) &&
      !/(At|By)$/.test(k),
  );
  return { changes, taken };
}
