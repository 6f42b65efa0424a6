import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { CheckinAnswer } from '@campaign-desk/contracts';
import { CheckinAnswerEntity } from './checkin-answer.entity';

@Injectable()
export class CheckinAnswersRepository {
  constructor(@InjectRepository(CheckinAnswerEntity) private readonly repo: Repository<CheckinAnswerEntity>) {}

  /** Answered already, through this email or another of the same contact? */
  async findFor(
    scheduledEmailId: string,
    mpContactId: string | null,
    tx?: EntityManager,
  ): Promise<CheckinAnswerEntity | null> {
    const target = tx ? tx.getRepository(CheckinAnswerEntity) : this.repo;
    const qb = target.createQueryBuilder('a').where('a.scheduledEmailId = :scheduledEmailId', { scheduledEmailId });
    if (mpContactId) qb.orWhere('a.mpContactId = :mpContactId', { mpContactId });
    return qb.getOne();
  }

  /** Inserts the answer unless one exists (the unique keys make the link single-use); null when it was already answered. */
  async insertOnce(
    tx: EntityManager,
    values: {
      caseId: string;
      mpContactId: string | null;
      scheduledEmailId: string;
      answer: CheckinAnswer;
      answeredAt: Date;
    },
  ): Promise<CheckinAnswerEntity | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO checkin_answers (case_id, mp_contact_id, scheduled_email_id, answer, answered_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id`,
      [values.caseId, values.mpContactId, values.scheduledEmailId, values.answer, values.answeredAt],
    );
    return rows.length ? tx.findOneByOrFail(CheckinAnswerEntity, { id: rows[0].id }) : null;
  }

  latestForCase(caseId: string, limit: number): Promise<[CheckinAnswerEntity[], number]> {
    return this.repo.findAndCount({ where: { caseId }, order: { answeredAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
