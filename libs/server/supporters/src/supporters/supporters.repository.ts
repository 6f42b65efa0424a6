import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository, type DeepPartial } from 'typeorm';
import type { SupporterFilterField, SupporterSortField } from '@campaign-desk/contracts';
import { SupporterEntity } from './supporter.entity';

export interface SupporterListFilter {
  ids?: string[];
  q?: string;
  constituencyIds?: string[];
  consents?: Partial<
    Record<'consentContactByEmail' | 'consentShareWithMp' | 'consentShareWithTrust' | 'consentMedia', boolean>
  >;
  onHold?: boolean;
}

export type { SupporterFilterField, SupporterSortField };

const SORT_SQL: Record<SupporterSortField, string> = {
  id: 's.id',
  name: 'lower(s.name)',
  createdAt: 's.created_at',
  postcode: 's.postcode',
};
const CONSENT_SQL = {
  consentContactByEmail: 's.consent_contact_by_email',
  consentShareWithMp: 's.consent_share_with_mp',
  consentShareWithTrust: 's.consent_share_with_trust',
  consentMedia: 's.consent_media',
} as const;

@Injectable()
export class SupportersRepository {
  constructor(
    @InjectRepository(SupporterEntity) private readonly repo: Repository<SupporterEntity>,
    private readonly dataSource: DataSource,
  ) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(fn);
  }

  private target(tx?: EntityManager): Repository<SupporterEntity> {
    return tx ? tx.getRepository(SupporterEntity) : this.repo;
  }

  /** Deleted and merged records included. */
  findById(id: string, tx?: EntityManager): Promise<SupporterEntity | null> {
    return this.target(tx).findOneBy({ id });
  }

  /** Locks the rows in id order, so two merges of the same pair cannot deadlock. */
  async lockForUpdate(tx: EntityManager, ids: string[]): Promise<Map<string, SupporterEntity>> {
    const rows = await tx
      .getRepository(SupporterEntity)
      .createQueryBuilder('s')
      .where('s.id IN (:...ids)', { ids })
      .orderBy('s.id')
      .setLock('pessimistic_write')
      .getMany();
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * Serialises creates that could duplicate each other (same email, or same name and postcode)
   * until the transaction ends. Email keys are always taken first, so two creates cannot deadlock.
   */
  async lockDuplicateKeys(tx: EntityManager, emailNormalised: string, nameAndPostcode: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1)), pg_advisory_xact_lock(hashtext($2))`, [
      `supporter-email:${emailNormalised}`,
      `supporter-name:${nameAndPostcode}`,
    ]);
  }

  /** The live supporter with this normalised email, following a merge from a record that had it. */
  async findLiveIdByEmail(emailNormalised: string, tx?: EntityManager): Promise<string | null> {
    const rows: { id: string }[] = await (tx ?? this.dataSource).query(
      `SELECT coalesce(t.id, s.id) AS id
       FROM supporters s LEFT JOIN supporters t ON t.id = s.merged_into_id AND t.deleted_at IS NULL
       WHERE s.email_normalised = $1 AND (s.deleted_at IS NULL OR t.id IS NOT NULL)
       ORDER BY (s.deleted_at IS NULL) DESC, s.created_at LIMIT 1`,
      [emailNormalised],
    );
    return rows[0]?.id ?? null;
  }

  /** Which of these normalised emails belong to a supporter (live, or merged into a live one). */
  async knownEmails(emailsNormalised: string[]): Promise<Set<string>> {
    if (!emailsNormalised.length) return new Set();
    const rows: { email: string }[] = await this.dataSource.query(
      `SELECT DISTINCT s.email_normalised AS email
       FROM supporters s LEFT JOIN supporters t ON t.id = s.merged_into_id AND t.deleted_at IS NULL
       WHERE s.email_normalised = ANY($1::text[]) AND (s.deleted_at IS NULL OR t.id IS NOT NULL)`,
      [emailsNormalised],
    );
    return new Set(rows.map((r) => r.email));
  }

  async findLiveIdByNameAndPostcode(name: string, postcode: string, tx?: EntityManager): Promise<string | null> {
    const rows: { id: string }[] = await (tx ?? this.dataSource).query(
      `SELECT id FROM supporters WHERE lower(name) = lower($1) AND postcode = $2 AND deleted_at IS NULL ORDER BY created_at LIMIT 1`,
      [name, postcode],
    );
    return rows[0]?.id ?? null;
  }

  async list(
    filter: SupporterListFilter,
    page: { sort: { field: SupporterSortField; order: 'ASC' | 'DESC' }; offset: number; limit: number },
  ): Promise<[SupporterEntity[], number]> {
    const qb = this.repo.createQueryBuilder('s').where('s.deleted_at IS NULL');
    if (filter.ids) qb.andWhere('s.id IN (:...ids)', { ids: filter.ids });
    if (filter.q) {
      const term = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      // search_text: name, email and postcode (with and without its space), lower-cased, under a trigram index.
      qb.andWhere('s.search_text LIKE :term', { term });
    }
    if (filter.constituencyIds) qb.andWhere('s.constituency_gss IN (:...gss)', { gss: filter.constituencyIds });
    for (const [key, value] of Object.entries(filter.consents ?? {})) {
      qb.andWhere(`${CONSENT_SQL[key as keyof typeof CONSENT_SQL]} = :${key}`, { [key]: value });
    }
    if (filter.onHold !== undefined) qb.andWhere('s.on_hold = :onHold', { onHold: filter.onHold });
    qb.orderBy(
      SORT_SQL[page.sort.field],
      page.sort.order,
      page.sort.order === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST',
    ).addOrderBy('s.id', page.sort.order);
    return qb.offset(page.offset).limit(page.limit).getManyAndCount();
  }

  async insert(values: DeepPartial<SupporterEntity>, tx?: EntityManager): Promise<SupporterEntity> {
    const repo = this.target(tx);
    return repo.save(repo.create(values));
  }

  async update(id: string, values: DeepPartial<SupporterEntity>, tx?: EntityManager): Promise<void> {
    await this.target(tx).update({ id }, values as never);
  }

  /** Records already merged into `fromId` now point straight at `toId`: merge chains stay one hop. */
  async repointMerged(tx: EntityManager, fromId: string, toId: string): Promise<void> {
    await tx.getRepository(SupporterEntity).update({ mergedIntoId: fromId }, { mergedIntoId: toId });
  }
}
