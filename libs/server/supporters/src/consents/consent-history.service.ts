import { Injectable } from '@nestjs/common';
import type { ConsentChangeDto } from '@campaign-desk/contracts';
import { StaffUsersService } from '@campaign-desk/server-auth';
import { ConsentHistoryRepository } from './consent-history.repository';

/** Reads a supporter's consent history (the changes are written by SupportersService, with each change). */
@Injectable()
export class ConsentHistoryService {
  constructor(
    private readonly repo: ConsentHistoryRepository,
    private readonly staff: StaffUsersService,
  ) {}

  /** Newest first, with the name of who recorded each change. The caller has checked the supporter exists. */
  async historyOf(supporterId: string): Promise<ConsentChangeDto[]> {
    const rows = await this.repo.listFor(supporterId);
    const names = new Map<string, string | null>();
    for (const id of new Set(rows.map((r) => r.changedBy).filter((v): v is string => !!v))) {
      names.set(
        id,
        await this.staff.get(id).then(
          (u) => u.name,
          () => null,
        ),
      );
    }
    return rows.map((r) => ({
      id: r.id,
      supporterId: r.supporterId,
      consent: r.consent,
      oldValue: r.oldValue,
      newValue: r.newValue,
      changedById: r.changedBy,
      changedByName: r.changedBy ? (names.get(r.changedBy) ?? null) : null,
      method: r.method,
      wordingVersion: r.wordingVersion,
      at: r.at.toISOString(),
    }));
  }
}
