import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CancelReason, ChaseTaskKind, ChaseTaskStatus } from '@campaign-desk/contracts';

/**
 * The caseworker's call to the MP's office after the last chase (the plan's only step that is not an
 * email), or checking the MP's address after a hard bounce marked it failing.
 */
@Entity('chase_tasks')
export class ChaseTaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'mp_contact_id', type: 'uuid', nullable: true })
  mpContactId: string | null;

  @Column({ type: 'text' })
  kind: ChaseTaskKind;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text' })
  status: ChaseTaskStatus;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: CancelReason | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'completed_by', type: 'uuid', nullable: true })
  completedBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
