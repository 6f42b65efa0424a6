import { Injectable } from '@nestjs/common';
import { MessagesService } from '@campaign-desk/server-intake';
import { CasesRepository } from '../cases/cases.repository';

/** Cases whose search is rebuilt per search request at most; the rest wait for the next one. */
const REFRESH_BATCH = 200;

/**
 * Keeps the message part of a case's search vector in step with the messages intake files into it
 * later (replies threaded by the worker). The case keeps a tsvector, not a copy of the text: when
 * it is created from a message, or a duplicate's messages move in, cases writes it at once; when
 * intake threads a reply, the worker only marks the case stale (inside the parse transaction, where
 * the new row is not yet visible to anyone else), and the next search rebuilds the stale cases from
 * intake's service before it runs.
 */
@Injectable()
export class CaseSearchRefresher {
  constructor(
    private readonly cases: CasesRepository,
    private readonly messages: MessagesService,
  ) {}

  async refreshStale(): Promise<number> {
    if (!(await this.cases.anySearchStale())) return 0;
    return this.cases.transaction(async (tx) => {
      const ids = await this.cases.claimStaleSearch(tx, REFRESH_BATCH);
      if (!ids.length) return 0;
      const texts = await this.messages.searchTextsForCases(ids);
      for (const id of ids) await this.cases.setSearchMessages(id, texts.get(id) ?? [], tx);
      await this.cases.clearSearchStale(ids, tx);
      return ids.length;
    });
  }
}
