import { Injectable, NotFoundException } from '@nestjs/common';
import { ERASED_NAME } from '@campaign-desk/contracts';
import { UUID } from '@campaign-desk/server-core';
import type { EntityManager } from 'typeorm';
import { SupportersRepository } from '../supporters/supporters.repository';

/** The personal values of a supporter record: what an erasure strips wherever a copy may remain. */
export interface SupporterPersonalData {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  address: string | null;
  postcode: string | null;
  onHoldReason: string | null;
}

/**
 * What the privacy lib asks of supporters: the record's personal values (unaudited: for erasure and
 * export, which the privacy lib audits) and erasing them. The row stays, de-identified, so cases,
 * reports and the erasure record can still point at it.
 */
@Injectable()
export class SupporterDataSubjectService {
  constructor(private readonly repo: SupportersRepository) {}

  async personalDataUnaudited(id: string, tx?: EntityManager): Promise<SupporterPersonalData> {
    const s = UUID.test(id) ? await this.repo.findById(id, tx) : null;
    if (!s) throw new NotFoundException('Supporter not found');
    return {
      id: s.id,
      name: s.name,
      email: s.email,
      phone: s.phone,
      address: s.address,
      postcode: s.postcode,
      onHoldReason: s.onHoldReason,
    };
  }

  /** The whole stored record, as it is (subject access). */
  async recordUnaudited(id: string): Promise<Record<string, unknown>> {
    const s = await this.repo.findById(id);
    if (!s) throw new NotFoundException('Supporter not found');
    return { ...s };
  }

  /** Replaces name and email with placeholders and clears phone, address, postcode, seat and the on-hold reason. */
  async eraseSupporterIn(tx: EntityManager, id: string, at: Date): Promise<void> {
    const current = await this.repo.findById(id, tx);
    await this.repo.update(
      id,
      {
        name: ERASED_NAME,
        email: `erased-${id}@erased.invalid`,
        emailNormalised: `erased-${id}@erased.invalid`,
        phone: null,
        address: null,
        postcode: null,
        constituencyGss: null,
        constituencyMethod: null,
        constituencyOverridden: false,
        constituencyCandidates: [],
        onHoldReason: null,
        deletedAt: current?.deletedAt ?? at,
      },
      tx,
    );
  }
}
