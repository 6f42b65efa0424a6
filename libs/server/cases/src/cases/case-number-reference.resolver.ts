import { Injectable } from '@nestjs/common';
import { type CaseClaim, CaseReferenceResolver } from '@campaign-desk/server-intake';
import { DirectoryService } from '@campaign-desk/server-directory';
import { SupportersService } from '@campaign-desk/server-supporters';
import { CasesRepository } from './cases.repository';
import { CasePartySources } from './case-parties';

/** Duplicates point at their original at most this deep (each close checks the original is not a duplicate). */
const MAX_DUPLICATE_HOPS = 5;

/**
 * `[CD-123]` in a subject → case 123's id, with the addresses of its parties: the supporter (the
 * case's copy and their current address), the office of the MP the case is with, and whatever
 * other libs register (the MPs the case has been in contact with). A reply to a
 * case closed as a duplicate threads into the case it duplicated, where its messages went.
 */
@Injectable()
export class CaseNumberReferenceResolver extends CaseReferenceResolver {
  constructor(
    private readonly cases: CasesRepository,
    private readonly supporters: SupportersService,
    private readonly directory: DirectoryService,
    private readonly others: CasePartySources,
  ) {
    super();
  }

  async resolve(reference: string): Promise<CaseClaim | null> {
    const match = /^CD-(\d{1,15})$/i.exec(reference.trim());
    if (!match) return null;
    let found = await this.cases.findByNumber(Number(match[1]));
    for (let hop = 0; found?.duplicateOfId && hop < MAX_DUPLICATE_HOPS; hop++) {
      found = await this.cases.findById(found.duplicateOfId);
    }
    if (!found) return null;
    const parties = [found.supporterEmail];
    const supporter = (await this.supporters.get(found.supporterId, 'full').catch(() => null)) as {
      email?: string;
    } | null;
    if (supporter?.email) parties.push(supporter.email);
    const mp = found.mpId === null ? null : await this.directory.getMp(String(found.mpId)).catch(() => null);
    if (mp?.email) parties.push(mp.email);
    parties.push(...(await this.others.addresses(found.id)));
    return { caseId: found.id, parties };
  }
}
