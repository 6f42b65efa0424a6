import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ActionOwner, MeetingChecklist, MeetingStatus, MeetingType } from '@campaign-desk/contracts';

@Entity('meetings')
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'mp_id', type: 'integer', nullable: true })
  mpId: number | null;

  @Column({ type: 'text' })
  type: MeetingType;

  @Column({ type: 'text' })
  status: MeetingStatus;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ type: 'text', nullable: true })
  attendees: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  checklist: MeetingChecklist;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'thank_you_email_id', type: 'uuid', nullable: true })
  thankYouEmailId: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

@Entity('agreed_actions')
export class AgreedActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  owner: ActionOwner;

  /** A London calendar date (`2026-12-01`). */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'boolean', default: false })
  chase: boolean;

  @Column({ name: 'chase_email_id', type: 'uuid', nullable: true })
  chaseEmailId: string | null;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  /** Order within the meeting, as recorded. */
  @Column({ type: 'smallint', default: 0 })
  position: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
