import { Injectable } from '@nestjs/common';
import { CaseReferenceResolver } from '@campaign-desk/server-intake';
import { CasesRepository } from './cases.repository';

/** Duplicates point at their original at most this deep (each close checks the original is not a duplicate). */
const MAX_DUPLICATE_HOPS = 5;

/**
 * `[CD-123]` in a subject → case 123's id. A reply to a case closed as a duplicate threads into
 * the case it duplicated, where its messages went.
 */
@Injectable()
export class CaseNumberReferenceResolver extends CaseReferenceResolver {
  constructor(private readonly cases: CasesRepository) {
    super();
  }

  async resolve(reference: string): Promise<string | null> {
    const match = /^CD-(\d{1,15})$/i.exec(reference.trim());
    if (!match) return null;
    let found = await this.cases.findByNumber(Number(match[1]));
    for (let hop = 0; found?.duplicateOfId && hop < MAX_DUPLICATE_HOPS; hop++) {
      found = await this.cases.findById(found.duplicateOfId);
    }
    return found?.id ?? null;
  }
}
