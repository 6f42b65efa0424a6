import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { StaffSessionEntity } from './staff-session.entity';

@Injectable()
export class SessionsRepository {
  constructor(@InjectRepository(StaffSessionEntity) private readonly repo: Repository<StaffSessionEntity>) {}

  async create(values: Omit<StaffSessionEntity, 'id' | 'createdAt'>): Promise<void> {
    await this.repo.insert(values);
  }

  findByTokenHash(tokenHash: Buffer): Promise<StaffSessionEntity | null> {
    return this.repo.findOneBy({ tokenHash });
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { lastSeenAt: at });
  }

  async deleteByTokenHash(tokenHash: Buffer): Promise<void> {
    await this.repo.delete({ tokenHash });
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.repo.delete({ userId });
  }

  /** Removes sessions past their absolute expiry or idle for longer than `idleBefore`. */
  async purgeExpired(now: Date, idleBefore: Date): Promise<number> {
    const expired = await this.repo.delete({ expiresAt: LessThan(now) });
    const idle = await this.repo.delete({ lastSeenAt: LessThan(idleBefore) });
    return (expired.affected ?? 0) + (idle.affected ?? 0);
  }
}
