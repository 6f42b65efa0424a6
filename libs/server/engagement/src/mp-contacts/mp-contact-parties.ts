import { Injectable, OnModuleInit } from '@nestjs/common';
import { type CasePartySource, CasePartySources } from '@campaign-desk/server-cases';
import { DirectoryService } from '@campaign-desk/server-directory';
import { MpContactsRepository } from './mp-contacts.repository';

/** The offices of the MPs a case has been in contact with are parties to it (their `[CD-n]` replies file into it). */
@Injectable()
export class MpContactParties implements CasePartySource, OnModuleInit {
  constructor(
    private readonly parties: CasePartySources,
    private readonly contacts: MpContactsRepository,
    private readonly directory: DirectoryService,
  ) {}

  onModuleInit(): void {
    this.parties.register(this);
  }

  async addresses(caseId: string): Promise<string[]> {
    const mps = await Promise.all(
      (await this.contacts.mpIdsOfCase(caseId)).map((id) => this.directory.getMp(String(id)).catch(() => null)),
    );
    return mps.flatMap((mp) => (mp?.email ? [mp.email] : []));
  }
}
