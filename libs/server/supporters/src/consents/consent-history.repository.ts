import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ConsentKey, ConsentMethod } from '@campaign-desk/contracts';

export interface NewConsentChange {
  supporterId: string;
  consent: ConsentKey;
  oldValue: boolean | null;
  newValue: boolean;
  changedBy: string | null;
  method: ConsentMethod;
  wordingVersion: string | null;
  at: Date;
}

export interface StoredConsentChange extends NewConsentChange {
  id: string;
}

/** `consent_changes`: one row per change of one consent, written with the change. */
@Injectable()
export class ConsentHistoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertMany(tx: EntityManager, rows: NewConsentChange[]): Promise<void> {
    if (!rows.length) return;
    await tx.query(
      `INSERT INTO consent_changes (supporter_id, consent, old_value, new_value, changed_by, method, wording_version, at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::boolean[], $5::uuid[], $6::text[], $7::text[],
                            $8::timestamptz[])`,
      [
        rows.map((r) => r.supporterId),
        rows.map((r) => r.consent),
        rows.map((r) => r.oldValue),
        rows.map((r) => r.newValue),
        rows.map((r) => r.changedBy),
        rows.map((r) => r.method),
        rows.map((r) => r.wordingVersion),
        rows.map((r) => r.at),
      ],
    );
  }

  /** Newest first. */
  async listFor(supporterId: string): Promise<StoredConsentChange[]> {
    const rows: {
      id: string;
      supporter_id: string;
      consent: ConsentKey;
      old_value: boolean | null;
      new_value: boolean;
      changed_by: string | null;
      method: ConsentMethod;
      wording_version: string | null;
      at: Date;
    }[] = await this.dataSource.query(
      `SELECT * FROM consent_changes WHERE supporter_id = $1 ORDER BY at DESC, consent, id`,
      [supporterId],
    );
    return rows.map((r) => ({
      id: r.id,
      supporterId: r.supporter_id,
      consent: r.consent,
      oldValue: r.old_value,
      newValue: r.new_value,
      changedBy: r.changed_by,
      method: r.method,
      wordingVersion: r.wording_version,
      at: r.at,
    }));
  }

  /** Moves the history with a merge, so the surviving record shows how each consent came about. */
  async moveSupporter(tx: EntityManager, fromId: string, toId: string): Promise<void> {
    await tx.query(`UPDATE consent_changes SET supporter_id = $2 WHERE supporter_id = $1`, [fromId, toId]);
  }
}
