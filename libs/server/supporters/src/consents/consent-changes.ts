import { CONSENT_KEYS, type ConsentMethod } from '@campaign-desk/contracts';
import { CONSENT_COLUMNS, type SupporterEntity } from '../supporters/supporter.entity';
import type { NewConsentChange } from './consent-history.repository';

/**
 * The consent history rows of a change to a supporter record: one per consent whose value the change sets to
 * something other than what was stored (`before` null: the record is new, every given consent is a first row).
 */
export function consentChangesOf(
  supporterId: string,
  before: SupporterEntity | null,
  changes: Partial<SupporterEntity>,
  how: { by: string | null; method?: ConsentMethod; wordingVersion?: string | null; at: Date },
): NewConsentChange[] {
  const rows: NewConsentChange[] = [];
  for (const consent of CONSENT_KEYS) {
    const column = CONSENT_COLUMNS[consent].value;
    const next = changes[column];
    if (typeof next !== 'boolean') continue;
    const previous = before ? before[column] : null;
    if (previous === next) continue;
    rows.push({
      supporterId,
      consent,
      oldValue: previous,
      newValue: next,
      changedBy: how.by,
      method: how.method ?? 'staff_entry',
      wordingVersion: how.wordingVersion?.trim() || null,
      at: how.at,
    });
  }
  return rows;
}
