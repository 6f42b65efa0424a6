import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CheckinAnswer } from '@campaign-desk/contracts';

/** The supporter's answer to one check-in: at most one per check-in email and per MP contact. */
@Entity('checkin_answers')
export class CheckinAnswerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'mp_contact_id', type: 'uuid', nullable: true })
  mpContactId: string | null;

  @Column({ name: 'scheduled_email_id', type: 'uuid' })
  scheduledEmailId: string;

  @Column({ type: 'text' })
  answer: CheckinAnswer;

  @Column({ name: 'answered_at', type: 'timestamptz' })
  answeredAt: Date;
}
