import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { EmailTemplateEntity } from './email-template.entity';

@Injectable()
export class EmailTemplatesRepository {
  constructor(@InjectRepository(EmailTemplateEntity) private readonly repo: Repository<EmailTemplateEntity>) {}

  /** The current version of every template. */
  async currentAll(): Promise<EmailTemplateEntity[]> {
    return this.repo
      .createQueryBuilder('t')
      .distinctOn(['t.key'])
      .orderBy('t.key')
      .addOrderBy('t.version', 'DESC')
      .getMany();
  }

  current(key: string): Promise<EmailTemplateEntity | null> {
    return this.repo.findOne({ where: { key }, order: { version: 'DESC' } });
  }

  findVersion(key: string, version: number): Promise<EmailTemplateEntity | null> {
    return this.repo.findOneBy({ key, version });
  }

  /** Next version, numbered under a lock on the key so two admins saving at once both get a version. */
  async addVersion(
    key: string,
    subject: string,
    body: string,
    createdBy: string,
    tx: EntityManager,
  ): Promise<EmailTemplateEntity> {
    await tx.query(`SELECT pg_advisory_xact_lock(7306003, hashtext($1))`, [key]);
    const [{ next }] = await tx.query(
      `SELECT coalesce(max(version), 0) + 1 AS next FROM email_templates WHERE key = $1`,
      [key],
    );
    const row = tx.create(EmailTemplateEntity, { key, version: Number(next), subject, body, createdBy });
    await tx.insert(EmailTemplateEntity, row);
    return (await tx.findOneBy(EmailTemplateEntity, { key, version: Number(next) }))!;
  }

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.repo.manager.transaction(fn);
  }
}
