import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Priority, Topic } from '@campaign-desk/contracts';

/** An admin-editable keyword that suggests a topic and/or an urgency for new requests. */
@Entity('triage_rules')
export class TriageRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  keyword: string;

  @Column({ type: 'text', nullable: true })
  topic: Topic | null;

  @Column({ type: 'text', nullable: true })
  priority: Priority | null;

  @Column({ type: 'boolean' })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
