import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * An MP's address is failing while `address_failing_since` is set and the address that failed is
 * still the MP's email: an import that brings a new address ends it without anyone clearing it.
 */
export const ADDRESS_FAILING_SQL = (m: string) =>
  `(${m}.address_failing_since IS NOT NULL AND ${m}.address_failing_email = ${m}.email)`;

/** The contact-quality columns of `mps`. */
@Injectable()
export class MpAddressStatusRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(fn);
  }

  /** Marks failing every MP whose email this still is (and is not failing already); answers their ids. */
  async markFailing(tx: EntityManager, address: string, at: Date): Promise<number[]> {
    const result: unknown = await tx.query(
      `UPDATE mps m SET address_failing_since = $2, address_failing_email = m.email, updated_at = now()
       WHERE m.email = $1::citext AND NOT ${ADDRESS_FAILING_SQL('m')} RETURNING m.id`,
      [address, at],
    );
    return (returnedRows(result) as { id: number }[]).map((r) => r.id);
  }

  /** Clears the flag; true when it was set. */
  async clear(tx: EntityManager, mpId: number): Promise<boolean> {
    const result: unknown = await tx.query(
      `UPDATE mps SET address_failing_since = NULL, address_failing_email = NULL, updated_at = now()
       WHERE id = $1 AND address_failing_since IS NOT NULL RETURNING id`,
      [mpId],
    );
    return returnedRows(result).length > 0;
  }

  async exists(mpId: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM mps WHERE id = $1`, [mpId]);
    return rows.length > 0;
  }

  /** Whether the MP's current address is failing (read at send time, never from the in-memory index). */
  async isFailing(mpId: number, tx?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (tx ?? this.dataSource.manager).query(
      `SELECT 1 FROM mps m WHERE m.id = $1 AND ${ADDRESS_FAILING_SQL('m')}`,
      [mpId],
    );
    return rows.length > 0;
  }
}

/** Rows an UPDATE … RETURNING gave back (TypeORM's Postgres driver answers `[rows, rowCount]` for an UPDATE). */
function returnedRows(result: unknown): unknown[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0])) return result[0] as unknown[];
  return Array.isArray(result) ? result : [];
}
