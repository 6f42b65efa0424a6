import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CaseNoteEntity } from './case-note.entity';

@Injectable()
export class CaseNotesRepository {
  constructor(@InjectRepository(CaseNoteEntity) private readonly repo: Repository<CaseNoteEntity>) {}

  insert(note: Omit<CaseNoteEntity, 'id' | 'editedAt'>): Promise<CaseNoteEntity> {
    return this.repo.save(this.repo.create({ ...note, editedAt: null }));
  }

  findOne(caseId: string, id: string): Promise<CaseNoteEntity | null> {
    return this.repo.findOneBy({ caseId, id });
  }

  /** Changes the body only if the note is still the author's to edit at `editableSince`; answers whether it did. */
  async updateBody(id: string, authorId: string, body: string, editedAt: Date, editableSince: Date): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update(CaseNoteEntity)
      .set({ body, editedAt })
      .where('id = :id AND author_id = :authorId AND created_at >= :editableSince', { id, authorId, editableSince })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  latest(caseId: string, limit: number): Promise<[CaseNoteEntity[], number]> {
    return this.repo.findAndCount({ where: { caseId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
