import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { LookupMethod } from '@campaign-desk/contracts';

/** A stored candidate seat for an ambiguous postcode. */
export interface StoredCandidate {
  gss: string;
  share: number | null;
}

@Entity('supporters')
export class SupporterEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'citext' })
  email: string;

  /** Lower-cased, sub-address and Gmail dots removed: what duplicate detection compares. */
  @Column({ name: 'email_normalised', type: 'text' })
  emailNormalised: string;

  /** E.164 (+44…). */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  /** Normalised, `SW1A 1AA`. */
  @Column({ type: 'text', nullable: true })
  postcode: string | null;

  @Column({ name: 'constituency_gss', type: 'text', nullable: true })
  constituencyGss: string | null;

  @Column({ name: 'constituency_method', type: 'text', nullable: true })
  constituencyMethod: LookupMethod | null;

  @Column({ name: 'constituency_overridden', type: 'boolean', default: false })
  constituencyOverridden: boolean;

  @Column({ name: 'constituency_candidates', type: 'jsonb', default: () => `'[]'::jsonb` })
  constituencyCandidates: StoredCandidate[];

  @Column({ name: 'consent_contact_by_email', type: 'boolean', default: false })
  consentContactByEmail: boolean;

  @Column({ name: 'consent_contact_by_email_at', type: 'timestamptz', nullable: true })
  consentContactByEmailAt: Date | null;

  @Column({ name: 'consent_contact_by_email_by', type: 'uuid', nullable: true })
  consentContactByEmailBy: string | null;

  @Column({ name: 'consent_share_with_mp', type: 'boolean', default: false })
  consentShareWithMp: boolean;

  @Column({ name: 'consent_share_with_mp_at', type: 'timestamptz', nullable: true })
  consentShareWithMpAt: Date | null;

  @Column({ name: 'consent_share_with_mp_by', type: 'uuid', nullable: true })
  consentShareWithMpBy: string | null;

  @Column({ name: 'consent_share_with_trust', type: 'boolean', default: false })
  consentShareWithTrust: boolean;

  @Column({ name: 'consent_share_with_trust_at', type: 'timestamptz', nullable: true })
  consentShareWithTrustAt: Date | null;

  @Column({ name: 'consent_share_with_trust_by', type: 'uuid', nullable: true })
  consentShareWithTrustBy: string | null;

  @Column({ name: 'consent_media', type: 'boolean', default: false })
  consentMedia: boolean;

  @Column({ name: 'consent_media_at', type: 'timestamptz', nullable: true })
  consentMediaAt: Date | null;

  @Column({ name: 'consent_media_by', type: 'uuid', nullable: true })
  consentMediaBy: string | null;

  @Column({ name: 'on_hold', type: 'boolean', default: false })
  onHold: boolean;

  @Column({ name: 'on_hold_reason', type: 'text', nullable: true })
  onHoldReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;
}

/** The entity's column names for each consent, so code can loop over the four. */
export const CONSENT_COLUMNS = {
  contactByEmail: { value: 'consentContactByEmail', at: 'consentContactByEmailAt', by: 'consentContactByEmailBy' },
  shareWithMp: { value: 'consentShareWithMp', at: 'consentShareWithMpAt', by: 'consentShareWithMpBy' },
  shareWithTrust: { value: 'consentShareWithTrust', at: 'consentShareWithTrustAt', by: 'consentShareWithTrustBy' },
  media: { value: 'consentMedia', at: 'consentMediaAt', by: 'consentMediaBy' },
} as const;
